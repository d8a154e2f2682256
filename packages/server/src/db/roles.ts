/**
 * The group role that migrations grant table privileges to. The runtime login role is a member
 * of it; it is NOLOGIN itself and owns nothing.
 */
export const RUNTIME_GROUP_ROLE = 'auraflow_runtime';
