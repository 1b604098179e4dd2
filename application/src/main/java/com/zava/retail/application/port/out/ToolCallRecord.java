package com.zava.retail.application.port.out;

import com.zava.retail.domain.ManagerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool call as the audit trail keeps it.
 *
 * @param statement   the SQL text, cut to {@link #MAX_STATEMENT} characters (empty for other tools)
 * @param fingerprint hash of the normalised statement (empty for other tools)
 * @param rows        rows returned (0 on error)
 * @param errorCode   the domain error code, or {@code INTERNAL} for an unexpected failure; empty on success
 */
public record ToolCallRecord(Instant at, ManagerId manager, String transport, String tool, Optional<String> fingerprint,
        Optional<String> statement, int rows, Duration duration, Optional<String> errorCode) {

    public static final int MAX_STATEMENT = 4_000;

    public ToolCallRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(tool, "tool");
        statement = statement.map(s -> s.length() > MAX_STATEMENT ? s.substring(0, MAX_STATEMENT) : s);
    }

    public boolean succeeded() {
        return errorCode.isEmpty();
    }
}
