-- Audit trail of every tool call, in its own schema (created by Flyway as the owner).
-- The runtime role ${app_role} may append records but never read them: a manager's query can
-- neither see who asked what nor tamper with past records.

CREATE TABLE audit.tool_calls (
    call_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    manager_id  uuid         NOT NULL,
    transport   varchar(20)  NOT NULL,
    tool        varchar(100) NOT NULL,
    fingerprint varchar(16),
    statement   text,
    row_count   integer      NOT NULL,
    duration_ms integer      NOT NULL,
    outcome     varchar(10)  NOT NULL CHECK (outcome IN ('ok', 'error')),
    error_code  varchar(30)
);
CREATE INDEX tool_calls_occurred_idx ON audit.tool_calls (occurred_at);
CREATE INDEX tool_calls_manager_idx ON audit.tool_calls (manager_id, occurred_at);

REVOKE ALL ON SCHEMA audit FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO "${app_role}";
GRANT INSERT ON audit.tool_calls TO "${app_role}";
