/** Roles the test run provisions on the real PostgreSQL (cluster-wide, reused across runs). */
export const TEST_ROLES = {
  owner: 'auraflow_test_owner',
  runtime: 'auraflow_test_app',
  /** Not a superuser, but BYPASSRLS: the server must refuse to run as it. */
  bypass: 'auraflow_test_bypass',
} as const;
