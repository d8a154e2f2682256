import type { Role } from '../api/auth-api.js';

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  analyst: 'Analyst',
};

/** Roles each role may grant by invitation (the API's table in docs/api-accounts.md). */
export const GRANTABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = {
  owner: ['owner', 'admin', 'analyst'],
  admin: ['admin', 'analyst'],
  analyst: [],
};

/** Who may change roles: owners only (docs/api-accounts.md, "change a role"). */
export function mayChangeRoles(viewer: Role): boolean {
  return viewer === 'owner';
}

/**
 * Who may remove whom ("remove a member"): owners anyone, admins admins and analysts, everyone
 * themselves. The API also keeps one owner, which only it can tell (`ACCOUNT_LAST_OWNER`).
 */
export function mayRemove(viewer: Role, target: Role, self: boolean): boolean {
  if (self || viewer === 'owner') return true;

  return viewer === 'admin' && target !== 'owner';
}
