import { ROLES, type Role } from './auth-api.js';
import { requestJson, requestVoid } from './http-client.js';

/** `/v1/shops/:shopId/members…`: a shop's team, invitations and MFA policy. */

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly role: Role;
  readonly joinedAt: string;
  readonly totpEnabled: boolean;
}

export interface Invitation {
  readonly invitationId: string;
  readonly email: string;
  readonly role: Role;
  readonly expiresAt: string;
}

export interface Team {
  readonly members: readonly Member[];
  /** Empty for analysts, who may not see pending invitations. */
  readonly invitations: readonly Invitation[];
}

function membersPath(shopId: string, rest = ''): string {
  return `/v1/shops/${encodeURIComponent(shopId)}/members${rest}`;
}

export function fetchTeam(shopId: string): Promise<Team> {
  return requestJson('GET', membersPath(shopId), (body) => ({
    members: body.objects('members', (member) => ({
      userId: member.string('userId'),
      email: member.string('email'),
      role: member.oneOf('role', ROLES),
      joinedAt: member.string('joinedAt'),
      totpEnabled: member.boolean('totpEnabled'),
    })),
    invitations: body.objects('invitations', (invitation) => ({
      invitationId: invitation.string('invitationId'),
      email: invitation.string('email'),
      role: invitation.oneOf('role', ROLES),
      expiresAt: invitation.string('expiresAt'),
    })),
  }));
}

export function inviteMember(shopId: string, email: string, role: Role): Promise<void> {
  return requestVoid('POST', membersPath(shopId, '/invitations'), { email, role });
}

export function withdrawInvitation(shopId: string, invitationId: string): Promise<void> {
  const rest = `/invitations/${encodeURIComponent(invitationId)}`;

  return requestVoid('DELETE', membersPath(shopId, rest));
}

/** Accepts an emailed invitation for the signed-in user; answers the role it grants. */
export function acceptInvitation(shopId: string, token: string): Promise<Role> {
  return requestJson(
    'POST',
    membersPath(shopId, '/invitations/accept'),
    (body) => body.oneOf('role', ROLES),
    { token },
  );
}

/** Owners only: gives a member (the owner too) another role. */
export function changeMemberRole(shopId: string, userId: string, role: Role): Promise<Role> {
  return requestJson(
    'PATCH',
    membersPath(shopId, `/${encodeURIComponent(userId)}`),
    (body) => body.oneOf('role', ROLES),
    { role },
  );
}

/** Removes a member; with the signed-in user's own id, leaves the shop. */
export function removeMember(shopId: string, userId: string): Promise<void> {
  return requestVoid('DELETE', membersPath(shopId, `/${encodeURIComponent(userId)}`));
}

export function setMfaPolicy(shopId: string, requireAuthenticatorApp: boolean): Promise<void> {
  return requestVoid('PUT', membersPath(shopId, '/mfa-policy'), { requireAuthenticatorApp });
}
