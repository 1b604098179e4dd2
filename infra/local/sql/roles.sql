-- Roles of the Zava Retail MCP server (psql script; run as a superuser, idempotent).
-- Variables: owner, owner_password, app, app_password.
--
-- :owner owns the schema and runs the migrations and the seeding.
-- :app is what the server logs in as: it may connect and read, nothing more. It is neither a
-- superuser nor BYPASSRLS nor an owner of anything, so row-level security always applies to it.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L',
              :'owner', :'owner_password') \gexec

SELECT format('CREATE ROLE %I', :'app')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT PASSWORD %L',
              :'app', :'app_password') \gexec
-- Server-side limits as a last line of defence; the server sets tighter ones per transaction.
SELECT format('ALTER ROLE %I SET statement_timeout = %L', :'app', '30s') \gexec
SELECT format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', :'app', '60s') \gexec
SELECT format('ALTER ROLE %I SET lock_timeout = %L', :'app', '5s') \gexec
SELECT format('ALTER ROLE %I SET work_mem = %L', :'app', '16MB') \gexec
-- A runaway query (e.g. an unbounded recursive CTE) must not fill the disk before its timeout.
SELECT format('ALTER ROLE %I SET temp_file_limit = %L', :'app', '1GB') \gexec
-- Make sure no earlier set-up left the runtime role a member of a privileged role.
SELECT format('REVOKE %I FROM %I', r.rolname, :'app')
  FROM pg_auth_members m
  JOIN pg_roles r ON r.oid = m.roleid
  JOIN pg_roles a ON a.oid = m.member
 WHERE a.rolname = :'app' \gexec
