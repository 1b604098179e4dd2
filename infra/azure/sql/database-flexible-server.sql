-- Per-database set-up of the Zava Retail MCP server on Azure Database for PostgreSQL Flexible
-- Server (psql script; run as the administrator while connected to the target database, after
-- roles-flexible-server.sql; idempotent). Variables: owner, app.
--
-- The Azure variant of infra/local/sql/database.sql. The same grants, but not the revocation of
-- EXECUTE on session-changing functions (set_config, pg_terminate_backend, advisory locks, ...):
-- those belong to the platform's superuser, and the administrator can neither revoke PUBLIC's
-- privilege on them nor touch the ones PUBLIC never had. On Azure that layer is therefore
-- missing; the SQL guard's function allow-list and the READ ONLY transaction remain. The last
-- statement lists what the runtime role can still execute, so the gap is visible in the job log.
\set ON_ERROR_STOP on

-- Allowed by the server parameter azure.extensions (postgres.bicep).
CREATE EXTENSION IF NOT EXISTS vector;

SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()) \gexec
SELECT format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO %I', current_database(), :'owner') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'app') \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

SELECT string_agg(DISTINCT p.proname, ', ' ORDER BY p.proname) AS "executable by the runtime role (not revocable on Azure)"
  FROM pg_proc p
 WHERE p.pronamespace = 'pg_catalog'::regnamespace
   AND (p.proname IN ('set_config', 'pg_terminate_backend', 'pg_cancel_backend', 'pg_notify', 'lo_import', 'lo_export')
        OR p.proname LIKE 'pg\_advisory\_%' OR p.proname LIKE 'pg\_try\_advisory\_%')
   AND has_function_privilege(:'app', p.oid, 'EXECUTE');
