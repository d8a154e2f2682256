-- Shops and their storefront origins: the first tenant tables.
--
-- Tenancy rules that every later migration follows:
--   * every tenant table has a shop_id column that leads its primary key;
--   * ENABLE and FORCE ROW LEVEL SECURITY, so even the table owner is subject to the policy;
--   * one policy on shop_id = the transaction's app.shop_id setting. NULLIF turns the empty
--     string that a pooled connection keeps after a transaction-local setting into NULL, so a
--     connection without tenant context sees nothing instead of failing on ''::uuid;
--   * privileges go to the auraflow_runtime group role, never to a login role directly.

CREATE TABLE shops (
  shop_id uuid PRIMARY KEY,
  site_key text NOT NULL UNIQUE CHECK (site_key ~ '^sk_[A-Za-z0-9_-]{22}$'),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  shopify_domain text UNIQUE
    CHECK (shopify_domain ~ '^[a-z0-9][a-z0-9-]*\.myshopify\.com$'),
  visitor_key_enc bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE shops ENABLE ROW LEVEL SECURITY;
ALTER TABLE shops FORCE ROW LEVEL SECURITY;
CREATE POLICY shops_tenant_isolation ON shops
  USING (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid)
  WITH CHECK (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);

CREATE TABLE shop_domains (
  shop_id uuid NOT NULL REFERENCES shops (shop_id) ON DELETE CASCADE,
  origin text NOT NULL
    CHECK (origin ~ '^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, origin)
);

ALTER TABLE shop_domains ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop_domains FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_domains_tenant_isolation ON shop_domains
  USING (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid)
  WITH CHECK (shop_id = NULLIF(current_setting('app.shop_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE, DELETE ON shops, shop_domains TO auraflow_runtime;

-- The collect API knows a shop only by its public site key, before any tenant context exists.
-- This narrow SECURITY DEFINER function (run as the owner, which may bypass RLS) answers that
-- one question and nothing else.
CREATE FUNCTION shop_id_for_site_key(p_site_key text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$ SELECT shop_id FROM public.shops WHERE site_key = p_site_key $$;

REVOKE ALL ON FUNCTION shop_id_for_site_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION shop_id_for_site_key(text) TO auraflow_runtime;
