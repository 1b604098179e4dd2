-- The runtime role ${app_role} may read the retail schema and nothing else: no writes, no DDL,
-- no sequences, no functions beyond the policy helper. Row-level security applies to it because it
-- owns nothing and has neither SUPERUSER nor BYPASSRLS (infra/local/sql/roles.sql).

REVOKE ALL ON SCHEMA retail FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA retail FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA retail FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA retail FROM PUBLIC;

GRANT USAGE ON SCHEMA retail TO "${app_role}";
GRANT SELECT ON ALL TABLES IN SCHEMA retail TO "${app_role}";
GRANT EXECUTE ON FUNCTION retail.visible_store_ids() TO "${app_role}";

-- Tables added by later migrations get the same read-only grant without anyone remembering to.
ALTER DEFAULT PRIVILEGES IN SCHEMA retail GRANT SELECT ON TABLES TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA retail REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
