-- Merchant accounts: users, shop memberships, invitations, sessions, devices, one-time codes,
-- recovery codes and the authentication event log.
--
-- Users are global: one person may belong to several shops, so `users` has no shop_id and is not
-- a tenant table. What ties a user to a shop (memberships, invitations) is, with the usual RLS
-- policy. Secrets are never stored in the clear: emails and TOTP secrets are field-encrypted
-- (`*_enc`, registered in src/keys/encrypted-columns.ts), session tokens, device tokens, emailed
-- codes, links and recovery codes are stored as hashes only. No IP address is stored anywhere:
-- places are a country code and a region code at most.

-- An owner may insist that every member uses an authenticator app as the second factor.
ALTER TABLE shops ADD COLUMN members_require_totp boolean NOT NULL DEFAULT false;

CREATE TABLE users (
  user_id uuid PRIMARY KEY,
  -- FieldCipher with shopId '' (no shop), table users, column email_enc, row = user_id.
  email_enc bytea NOT NULL,
  -- blindIndex({ shopId: null, purpose: 'user-email' }, normaliseEmail(email)).
  email_index bytea NOT NULL UNIQUE CHECK (octet_length(email_index) = 32),
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2%'),
  email_verified_at timestamptz,
  totp_secret_enc bytea,
  totp_enrolled_at timestamptz,
  -- A secret being enrolled: it replaces totp_secret_enc only once a code from it is confirmed.
  totp_pending_secret_enc bytea,
  -- The last RFC 6238 time step accepted: a code of this step or an earlier one is refused.
  totp_last_step bigint CHECK (totp_last_step >= 0),
  -- Consecutive failed credential checks (password, TOTP, emailed or recovery codes), reset by a
  -- complete sign-in; at the lockout limit locked_at is set until an emailed link lifts it.
  failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
  locked_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((totp_secret_enc IS NULL) = (totp_enrolled_at IS NULL))
);

CREATE TABLE memberships (
  shop_id uuid NOT NULL REFERENCES shops (shop_id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'analyst')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, user_id)
);
CREATE INDEX memberships_user_id ON memberships (user_id);

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY memberships_tenant_isolation ON memberships
  USING (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid)
  WITH CHECK (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);

CREATE TABLE invitations (
  shop_id uuid NOT NULL REFERENCES shops (shop_id) ON DELETE CASCADE,
  invitation_id uuid NOT NULL,
  -- SHA-256 of the 32-byte random token carried by the emailed link.
  token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
  -- FieldCipher with the shop's id, table invitations, column email_enc, row = invitation_id.
  email_enc bytea NOT NULL,
  -- blindIndex({ shopId, purpose: 'invitation-email' }, normaliseEmail(email)).
  email_index bytea NOT NULL CHECK (octet_length(email_index) = 32),
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'analyst')),
  invited_by uuid REFERENCES users (user_id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (user_id) ON DELETE SET NULL,
  revoked_at timestamptz,
  PRIMARY KEY (shop_id, invitation_id),
  UNIQUE (shop_id, token_hash)
);

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY invitations_tenant_isolation ON invitations
  USING (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid)
  WITH CHECK (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);

-- Browsers a user has verified by an emailed code. The browser holds a random token in a signed
-- cookie; only its SHA-256 is kept here, per user.
CREATE TABLE user_devices (
  device_id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
  browser_family text NOT NULL CHECK (browser_family ~ '^[A-Za-z ]{1,20}$'),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  region text CHECK (region ~ '^[A-Z0-9]{1,3}$'),
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz,
  UNIQUE (user_id, token_hash)
);

-- Sessions, from the password step on. A session below the 'active' stage is a sign-in in
-- progress and opens nothing but the next step.
CREATE TABLE user_sessions (
  session_id uuid PRIMARY KEY,
  -- SHA-256 of the 32-byte random token in the __Host-af_session cookie.
  token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
  user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  stage text NOT NULL
    CHECK (stage IN ('second_factor', 'device_verification', 'totp_enrolment', 'active')),
  second_factor text CHECK (second_factor IN ('totp', 'email', 'recovery')),
  device_id uuid REFERENCES user_devices (device_id) ON DELETE CASCADE,
  -- The device cookie's token hash seen at the password step, and whether it was recognised.
  device_token_hash bytea CHECK (octet_length(device_token_hash) = 32),
  device_recognised boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  codes_sent integer NOT NULL DEFAULT 0 CHECK (codes_sent >= 0),
  persistent boolean NOT NULL DEFAULT false,
  browser_family text NOT NULL CHECK (browser_family ~ '^[A-Za-z ]{1,20}$'),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  region text CHECK (region ~ '^[A-Z0-9]{1,3}$'),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL
);
CREATE INDEX user_sessions_user_id ON user_sessions (user_id);

-- Emailed six-digit codes (sign-in, new device) and emailed links (email verification, unlock).
-- code_hash is a keyed hash for codes and SHA-256 for link tokens; never the value itself.
CREATE TABLE one_time_codes (
  code_id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  session_id uuid REFERENCES user_sessions (session_id) ON DELETE CASCADE,
  purpose text NOT NULL
    CHECK (purpose IN ('email_verification', 'sign_in', 'device_verification', 'unlock')),
  code_hash bytea NOT NULL CHECK (octet_length(code_hash) = 32),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX one_time_codes_code_hash ON one_time_codes (code_hash);
CREATE INDEX one_time_codes_session_id ON one_time_codes (session_id);
CREATE INDEX one_time_codes_user_id ON one_time_codes (user_id);

CREATE TABLE recovery_codes (
  user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  -- SHA-256 of the normalised 80-bit code.
  code_hash bytea NOT NULL CHECK (octet_length(code_hash) = 32),
  created_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- Authentication events, append-only for the runtime role (SELECT and INSERT only). Attributed by
-- user, shop where one is concerned, session reference (a prefix of the token hash) and request
-- id; located by country, region and browser family. Never an IP, email, password, token or code.
CREATE TABLE auth_events (
  event_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  event_type text NOT NULL CHECK (event_type ~ '^[a-z_]{1,40}$'),
  user_id uuid,
  shop_id uuid,
  session_ref text CHECK (session_ref ~ '^[0-9a-f]{16}$'),
  request_id text CHECK (char_length(request_id) <= 64),
  browser_family text CHECK (browser_family ~ '^[A-Za-z ]{1,20}$'),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  region text CHECK (region ~ '^[A-Z0-9]{1,3}$'),
  detail jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object')
);
CREATE INDEX auth_events_user_id ON auth_events (user_id, occurred_at);

-- Events about a shop (invitations, roles, its MFA policy) are written in that shop's tenant
-- context and readable only there; account-level events (shop_id NULL) are written by anyone
-- and read by operators, not through the runtime role.
ALTER TABLE auth_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth_events FORCE ROW LEVEL SECURITY;
CREATE POLICY auth_events_append ON auth_events FOR INSERT
  WITH CHECK (shop_id IS NULL OR shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);
CREATE POLICY auth_events_tenant_read ON auth_events FOR SELECT
  USING (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE ON users TO auraflow_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE
  ON memberships, invitations, user_devices, user_sessions, one_time_codes, recovery_codes
  TO auraflow_runtime;
GRANT SELECT, INSERT ON auth_events TO auraflow_runtime;

-- Signing in knows a user before any tenant context exists; this narrow SECURITY DEFINER
-- function (run as the owner, which may bypass RLS) answers one question: which shops does this
-- user belong to, with which role.
CREATE FUNCTION memberships_of_user(p_user_id uuid)
  RETURNS TABLE (shop_id uuid, role text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$ SELECT m.shop_id, m.role FROM public.memberships m WHERE m.user_id = p_user_id $$;

REVOKE ALL ON FUNCTION memberships_of_user(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION memberships_of_user(uuid) TO auraflow_runtime;
