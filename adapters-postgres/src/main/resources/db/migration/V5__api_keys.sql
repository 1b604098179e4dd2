-- API keys for HTTP callers (schema auth, created by Flyway as the owner). Only a salted hash of
-- each key's secret is stored; the key itself is shown once, when it is created.
-- The runtime role ${app_role} may look keys up to verify them, never change them; managers'
-- queries cannot reach this schema (the SQL guard allows retail.* only).

CREATE TABLE auth.api_keys (
    key_id      varchar(16)  PRIMARY KEY,
    manager_id  uuid         NOT NULL,
    label       varchar(200) NOT NULL,
    salt        bytea        NOT NULL,
    secret_hash bytea        NOT NULL,
    created_at  timestamptz  NOT NULL,
    revoked_at  timestamptz
);

REVOKE ALL ON SCHEMA auth FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA auth FROM PUBLIC;
GRANT USAGE ON SCHEMA auth TO "${app_role}";
GRANT SELECT (key_id, manager_id, salt, secret_hash, revoked_at) ON auth.api_keys TO "${app_role}";
