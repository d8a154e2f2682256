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
