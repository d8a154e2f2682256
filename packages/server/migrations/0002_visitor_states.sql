-- One derived archetype state per visitor per shop, and hourly rollups of it.
--
-- visitor_key is HMAC-SHA256(per-shop secret, the browser's random visitor id): the raw id never
-- reaches the database, and the same browser on two shops yields two unrelated keys. Nothing
-- here is raw behaviour: probabilities and confidence are what the browser derived. Location is
-- a country code and a region code at most; no IP address is stored anywhere.

CREATE TABLE visitor_states (
  shop_id uuid NOT NULL REFERENCES shops (shop_id) ON DELETE CASCADE,
  visitor_key bytea NOT NULL CHECK (octet_length(visitor_key) = 32),
  taxonomy_version text NOT NULL CHECK (taxonomy_version ~ '^[0-9]{4}-[0-9]{2}$'),
  probabilities jsonb NOT NULL CHECK (jsonb_typeof(probabilities) = 'object'),
  top_archetype text NOT NULL CHECK (top_archetype ~ '^[a-z_]{1,40}$'),
  confidence real NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  region text CHECK (region ~ '^[A-Z0-9]{1,3}$'),
  session_id text NOT NULL CHECK (session_id ~ '^[A-Za-z0-9_-]{22}$'),
  session_seq integer NOT NULL CHECK (session_seq >= 0),
  sessions integer NOT NULL DEFAULT 1 CHECK (sessions >= 1),
  -- A visitor who asked to restrict processing: acknowledged, never updated.
  restricted boolean NOT NULL DEFAULT false,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, visitor_key)
);

ALTER TABLE visitor_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitor_states FORCE ROW LEVEL SECURITY;
CREATE POLICY visitor_states_tenant_isolation ON visitor_states
  USING (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid)
  WITH CHECK (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);

-- Visitors active in an hour, counted once per hour in one bucket per dimension: their top
-- archetype, their confidence band and their country at their latest observation that hour.
CREATE TABLE hourly_rollups (
  shop_id uuid NOT NULL REFERENCES shops (shop_id) ON DELETE CASCADE,
  hour timestamptz NOT NULL CHECK (date_trunc('hour', hour) = hour),
  dimension text NOT NULL CHECK (dimension IN ('archetype', 'confidence', 'country')),
  bucket text NOT NULL CHECK (char_length(bucket) BETWEEN 1 AND 40),
  visitors integer NOT NULL CHECK (visitors >= 0),
  PRIMARY KEY (shop_id, hour, dimension, bucket)
);

ALTER TABLE hourly_rollups ENABLE ROW LEVEL SECURITY;
ALTER TABLE hourly_rollups FORCE ROW LEVEL SECURITY;
CREATE POLICY hourly_rollups_tenant_isolation ON hourly_rollups
  USING (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid)
  WITH CHECK (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);

-- The collect path appends moves here instead of updating hourly_rollups in place: concurrent
-- visitors would otherwise queue on the same few rollup rows. Moves are folded into
-- hourly_rollups per shop in batches (collect/rollup-folder.ts), and before every read.
CREATE TABLE rollup_deltas (
  shop_id uuid NOT NULL REFERENCES shops (shop_id) ON DELETE CASCADE,
  delta_id bigint GENERATED ALWAYS AS IDENTITY,
  hour timestamptz NOT NULL CHECK (date_trunc('hour', hour) = hour),
  dimension text NOT NULL CHECK (dimension IN ('archetype', 'confidence', 'country')),
  bucket text NOT NULL CHECK (char_length(bucket) BETWEEN 1 AND 40),
  change smallint NOT NULL CHECK (change IN (-1, 1)),
  PRIMARY KEY (shop_id, delta_id)
);

ALTER TABLE rollup_deltas ENABLE ROW LEVEL SECURITY;
ALTER TABLE rollup_deltas FORCE ROW LEVEL SECURITY;
CREATE POLICY rollup_deltas_tenant_isolation ON rollup_deltas
  USING (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid)
  WITH CHECK (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE, DELETE ON visitor_states, hourly_rollups TO auraflow_runtime;
GRANT SELECT, INSERT, DELETE ON rollup_deltas TO auraflow_runtime;
