-- Roles of the Zava Retail MCP server on Azure Database for PostgreSQL Flexible Server (psql
-- script; run as the server's administrator while connected to database postgres; idempotent).
-- Variables: owner, owner_password, app, app_password, db.
--
-- The Azure variant of infra/local/sql/roles.sql. The administrator there is a member of
-- azure_pg_admin, not a superuser, which changes three things:
--  - no SUPERUSER/BYPASSRLS/REPLICATION clauses: a non-superuser may not even name those
--    attributes. CREATE ROLE's defaults already exclude them; the check at the end fails the
--    script if either role has one anyway, because row-level security would not apply to it.
--  - no per-role temp_file_limit: only a superuser may set it (it is a server parameter there).
--  - the administrator joins the owner role, so it may create the database owned by that role
--    and run infra/local/sql/database.sql's grants as a member of the owner.
-- The per-role limits below must stay those of roles.sql (tools/deploy-check/consistency.mjs
-- compares them).
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('ALTER ROLE %I LOGIN NOCREATEDB NOCREATEROLE PASSWORD %L', :'owner', :'owner_password') \gexec

SELECT format('CREATE ROLE %I LOGIN NOINHERIT', :'app')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('ALTER ROLE %I LOGIN NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L', :'app', :'app_password') \gexec
SELECT format('ALTER ROLE %I SET statement_timeout = %L', :'app', '30s') \gexec
SELECT format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', :'app', '60s') \gexec
SELECT format('ALTER ROLE %I SET lock_timeout = %L', :'app', '5s') \gexec
SELECT format('ALTER ROLE %I SET work_mem = %L', :'app', '16MB') \gexec
SELECT format('REVOKE %I FROM %I', r.rolname, :'app')
  FROM pg_auth_members m
  JOIN pg_roles r ON r.oid = m.roleid
  JOIN pg_roles a ON a.oid = m.member
 WHERE a.rolname = :'app' \gexec

SELECT format('DO $check$ BEGIN RAISE EXCEPTION %L; END $check$',
              'role ' || rolname || ' has SUPERUSER, BYPASSRLS or REPLICATION: row-level security would not apply to it')
  FROM pg_roles
 WHERE rolname IN (:'owner', :'app') AND (rolsuper OR rolbypassrls OR rolreplication) \gexec

-- PostgreSQL 16 grants a role's creator only ADMIN OPTION on it: ask for INHERIT and SET too.
SELECT CASE WHEN current_setting('server_version_num')::int >= 160000
            THEN format('GRANT %I TO %I WITH INHERIT TRUE, SET TRUE', :'owner', current_user)
            ELSE format('GRANT %I TO %I', :'owner', current_user) END \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
