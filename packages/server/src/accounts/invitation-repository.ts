import { randomUUID } from 'node:crypto';
import { addSeconds } from '../auth/clock.js';
import { randomToken, sha256 } from '../auth/secret-tokens.js';
import { blindIndex } from '../crypto/blind-index.js';
import type { FieldCipher, FieldContext } from '../crypto/field-cipher.js';
import type { Keyring } from '../crypto/keyring.js';
import type { MemberRole } from '../db/schema.js';
import type { TenantTransaction } from '../db/tenant.js';

export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;

/** The invitee's address, bound to the shop and the invitation row. */
function invitationEmailContext(shopId: string, invitationId: string): FieldContext {
  return { shopId, table: 'invitations', column: 'email_enc', rowId: invitationId };
}

/** Scoped to the shop, so equal addresses in two shops' invitations are unrelated tokens. */
export function invitationEmailIndex(keyring: Keyring, shopId: string, email: string): Buffer {
  return blindIndex(keyring, { shopId, purpose: 'invitation-email' }, email);
}

export interface PendingInvitation {
  readonly invitationId: string;
  readonly email: string;
  readonly role: MemberRole;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/**
 * Creates an invitation and returns its link token (32 random bytes, stored as SHA-256). An
 * earlier pending invitation of the same address to the same shop is withdrawn.
 */
export async function createInvitation(
  trx: TenantTransaction,
  crypto: { cipher: FieldCipher; keyring: Keyring },
  invitation: { shopId: string; email: string; role: MemberRole; invitedBy: string; now: Date },
): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
  const { shopId, email, now } = invitation;
  const invitationId = randomUUID();
  const token = randomToken();
  const emailIndex = invitationEmailIndex(crypto.keyring, shopId, email);
  const expiresAt = addSeconds(now, INVITATION_TTL_SECONDS);

  await pendingQuery(trx, shopId, now)
    .where('email_index', '=', emailIndex)
    .set({ revoked_at: now })
    .execute();
  await trx
    .insertInto('invitations')
    .values({
      shop_id: shopId,
      invitation_id: invitationId,
      token_hash: sha256(token),
      email_enc: crypto.cipher.encrypt(email, invitationEmailContext(shopId, invitationId)),
      email_index: emailIndex,
      role: invitation.role,
      invited_by: invitation.invitedBy,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { invitationId, token, expiresAt };
}

function pendingQuery(trx: TenantTransaction, shopId: string, now: Date) {
  return trx
    .updateTable('invitations')
    .where('shop_id', '=', shopId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
}

export async function listPendingInvitations(
  trx: TenantTransaction,
  cipher: FieldCipher,
  shopId: string,
  now: Date,
): Promise<PendingInvitation[]> {
  const rows = await trx
    .selectFrom('invitations')
    .select(['invitation_id', 'email_enc', 'role', 'created_at', 'expires_at'])
    .where('shop_id', '=', shopId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();

  return rows.map((row) => ({
    invitationId: row.invitation_id,
    email: cipher.decryptText(row.email_enc, invitationEmailContext(shopId, row.invitation_id)),
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}

export async function revokeInvitation(
  trx: TenantTransaction,
  shopId: string,
  invitationId: string,
  now: Date,
): Promise<boolean> {
  const row = await pendingQuery(trx, shopId, now)
    .where('invitation_id', '=', invitationId)
    .set({ revoked_at: now })
    .returning('invitation_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Marks the pending invitation with this token accepted by `userId`, provided it was sent to
 * the address whose index is `emailIndex`. Returns the role, 'mismatch', or null when no
 * pending invitation has the token.
 */
export async function acceptInvitation(
  trx: TenantTransaction,
  acceptance: { shopId: string; token: string; emailIndex: Buffer; userId: string; now: Date },
): Promise<MemberRole | 'mismatch' | null> {
  const { shopId, now } = acceptance;
  const invitation = await trx
    .selectFrom('invitations')
    .select(['invitation_id', 'email_index', 'role'])
    .where('shop_id', '=', shopId)
    .where('token_hash', '=', sha256(acceptance.token))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
  if (invitation === undefined) return null;
  if (!Buffer.from(invitation.email_index).equals(acceptance.emailIndex)) return 'mismatch';

  await trx
    .updateTable('invitations')
    .set({ accepted_at: now, accepted_by: acceptance.userId })
    .where('shop_id', '=', shopId)
    .where('invitation_id', '=', invitation.invitation_id)
    .execute();
  return invitation.role;
}
