package com.zava.retail.adapters.postgres;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.UnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs plain-JDBC work in a READ ONLY transaction as one manager, opened by
 * {@link TransactionSettings}; the transaction always ends in a rollback (nothing to commit in a
 * read).
 */
final class ManagerTransactions {

    /** Work done on the connection inside the transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final DatabaseGate gate;

    ManagerTransactions(DataSource dataSource, DatabaseGate gate) {
        this.dataSource = dataSource;
        this.gate = gate;
    }

    /** Runs {@code work} through the {@link DatabaseGate}: bulkhead, circuit breaker, safe retry. */
    <T> T readOnly(ManagerId manager, Duration statementTimeout, Work<T> work) throws SQLException {
        return readOnly(Optional.of(manager), statementTimeout, Map.of(), work);
    }

    /**
     * As {@link #readOnly(ManagerId, Duration, Work)}, with further transaction-local settings.
     *
     * @param manager       the caller; empty for work on nobody's behalf, which then sees no store rows
     * @param localSettings applied with {@code SET LOCAL} after the standard ones
     */
    <T> T readOnly(Optional<ManagerId> manager, Duration statementTimeout, Map<String, String> localSettings,
            Work<T> work) throws SQLException {
        String settings = TransactionSettings.sql(manager, statementTimeout, localSettings);
        return gate.call(manager, () -> once(settings, work));
    }

    private <T> T once(String settings, Work<T> work) throws SQLException {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() != null) {
                throw e; // the database is away: the gate counts it
            }
            throw new UnavailableException("The sales database is busy: every connection is in use. "
                    + "Try again in a moment.");
        }
        try (connection) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(settings);
            }
            try {
                return work.run(connection);
            } finally {
                rollbackQuietly(connection);
            }
        }
    }

    /** A failed rollback means a broken connection, which the pool discards; the first error matters. */
    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable; closing it hands it back to the pool, which evicts it
        }
    }

    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03"));
    }
}
