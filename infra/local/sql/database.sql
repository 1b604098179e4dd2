-- Per-database set-up of the Zava Retail MCP server (psql script; run as a superuser while
-- connected to the target database, idempotent). Variables: owner, app.
--
-- Everything here needs superuser rights, which the migrations (run as :owner) do not have.
\set ON_ERROR_STOP on

CREATE EXTENSION IF NOT EXISTS vector;

SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()) \gexec
SELECT format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO %I', current_database(), :'owner') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'app') \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Functions that change session state or reach other sessions. A SELECT can call them, so a
-- read-only transaction alone does not stop them: take them away from everyone but the owner
-- (the migration tool needs advisory locks). The list is computed, so every overload is covered.
SELECT format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', p.oid::regprocedure),
       format('GRANT EXECUTE ON FUNCTION %s TO %I', p.oid::regprocedure, :'owner')
  FROM pg_proc p
 WHERE p.pronamespace = 'pg_catalog'::regnamespace
   AND (p.proname IN ('set_config', 'pg_terminate_backend', 'pg_cancel_backend', 'pg_notify',
                      'pg_advisory_unlock_all', 'pg_reload_conf', 'pg_rotate_logfile',
                      'pg_switch_wal', 'pg_create_restore_point', 'pg_log_backend_memory_contexts',
                      'pg_stat_reset', 'pg_stat_reset_shared', 'pg_stat_reset_single_table_counters',
                      'pg_stat_reset_single_function_counters', 'pg_stat_reset_slru',
                      'pg_stat_reset_replication_slot', 'lo_import', 'lo_export')
        OR p.proname LIKE 'pg\_advisory\_%'
        OR p.proname LIKE 'pg\_try\_advisory\_%'
        OR p.proname LIKE 'lo\_%'
        OR p.proname IN ('lowrite', 'loread', 'lo_open', 'lo_close'))
\gexec
