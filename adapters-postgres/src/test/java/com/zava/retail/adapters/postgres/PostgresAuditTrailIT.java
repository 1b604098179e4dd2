package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.application.port.out.ToolCallRecord;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.RejectedException;
import com.zava.retail.domain.SqlText;
import com.zava.retail.testsupport.PostgresTestDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail against the real database, as the runtime role, including outages and overflow. */
class PostgresAuditTrailIT {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");

    private PostgresTestDatabase database;

    @BeforeEach
    void freshSchema() {
        database = TestSchema.recreate(384);
    }

    @Test
    void thousandCallsMakeThousandRows() throws Exception {
        try (PostgresAuditTrail audit = new PostgresAuditTrail(database.appDataSource(), 10_000)) {
            for (int i = 0; i < 1_000; i++) {
                audit.record(record("SELECT " + i + " FROM retail.orders", i % 10 == 0 ? "REJECTED" : null));
            }
            assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(audit.written()).isEqualTo(1_000);
            assertThat(audit.dropped()).isZero();
        }
        assertThat(ownerCount("SELECT count(*) FROM audit.tool_calls")).isEqualTo(1_000);
        assertThat(ownerCount("SELECT count(DISTINCT fingerprint) FROM audit.tool_calls")).isEqualTo(1);
        assertThat(ownerCount("SELECT count(*) FROM audit.tool_calls WHERE outcome = 'error' "
                + "AND error_code = 'REJECTED' AND manager_id = '" + SEATTLE.asText() + "'")).isEqualTo(100);
    }

    @Test
    void aSteadyTrickleOfCallsIsWrittenInFewBatches() throws Exception {
        try (PostgresAuditTrail audit = new PostgresAuditTrail(database.appDataSource(), 100)) {
            for (int i = 0; i < 12; i++) {
                audit.record(record("SELECT " + i + " FROM retail.orders", null));
                Thread.sleep(5);
            }
            assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(audit.written()).isEqualTo(12);
            // A call every 5 ms, slower than a write: without the writer's linger each call would
            // be a batch of its own, that is a pooled connection, an INSERT and a commit per call.
            assertThat(audit.batches()).isBetween(1L, 5L);
        }
        assertThat(ownerCount("SELECT count(*) FROM audit.tool_calls")).isEqualTo(12);
    }

    @Test
    void recordsThatCannotBeWrittenBeforeShutdownAreCountedAsDropped() {
        FlakyDataSource down = new FlakyDataSource(database.appDataSource(), Integer.MAX_VALUE);
        PostgresAuditTrail audit = new PostgresAuditTrail(down, 100);
        recordSelectOne(audit, 5);
        audit.close();
        assertThat(audit.written()).isZero();
        assertThat(audit.dropped()).as("the writer's batch too").isEqualTo(5);
    }

    @Test
    void theWriterSurvivesAnErrorThrownByTheDriver() throws Exception {
        // PgJDBC throws an AssertionError, not an SQLException, when the connection is cut in the
        // middle of a batch (seen in DatabaseOutageIT); it used to end the writer thread, and with
        // it the audit trail, until the next restart.
        FlakyDataSource flaky = new FlakyDataSource(database.appDataSource(), 2, true);
        try (PostgresAuditTrail audit = new PostgresAuditTrail(flaky, 100)) {
            recordSelectOne(audit, 20);
            assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(audit.failedAttempts()).isEqualTo(2);
            assertThat(audit.written()).isEqualTo(20);
        }
        assertThat(ownerCount("SELECT count(*) FROM audit.tool_calls")).isEqualTo(20);
    }

    @Test
    void recordsAreRetriedWhileTheDatabaseIsBrieflyAway() throws Exception {
        FlakyDataSource flaky = new FlakyDataSource(database.appDataSource(), 3);
        try (PostgresAuditTrail audit = new PostgresAuditTrail(flaky, 100)) {
            recordSelectOne(audit, 20);
            assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(audit.failedAttempts()).isGreaterThanOrEqualTo(3);
            assertThat(audit.written()).isEqualTo(20);
            assertThat(audit.dropped()).isZero();
        }
        assertThat(ownerCount("SELECT count(*) FROM audit.tool_calls")).isEqualTo(20);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheCall() throws Exception {
        FlakyDataSource down = new FlakyDataSource(database.appDataSource(), Integer.MAX_VALUE);
        try (PostgresAuditTrail audit = new PostgresAuditTrail(down, 10)) {
            long started = System.nanoTime();
            recordSelectOne(audit, 50);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            // The writer holds at most one batch; the queue holds ten more; everything else is dropped.
            assertThat(audit.dropped()).isBetween(29L, 40L);
            down.recover();
            assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(audit.written() + audit.dropped()).isEqualTo(50);
        }
    }

    @Test
    void managersCanNeitherReadNorChangeTheAuditTrail() throws Exception {
        try (PostgresAuditTrail audit = new PostgresAuditTrail(database.appDataSource(), 10)) {
            audit.record(record("SELECT 1", null));
            audit.flush(Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> SqlGuard.check(new SqlText("SELECT * FROM audit.tool_calls")))
                .isInstanceOf(RejectedException.class);
        for (String sql : new String[] {"SELECT * FROM audit.tool_calls", "DELETE FROM audit.tool_calls",
            "UPDATE audit.tool_calls SET tool = 'x'"}) {
            assertThatThrownBy(() -> {
                try (Connection connection = database.appDataSource().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    private static ToolCallRecord record(String sql, String errorCode) {
        return new ToolCallRecord(Instant.parse("2026-11-27T10:00:00Z"), SEATTLE, "http", "execute_sales_query",
                Optional.of(com.zava.retail.domain.SqlFingerprint.of(sql)), Optional.of(sql), errorCode == null ? 1 : 0,
                Duration.ofMillis(3), Optional.ofNullable(errorCode));
    }

    private long ownerCount(String sql) throws SQLException {
        try (Connection connection = database.ownerDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code count} successful calls of the same statement. */
    private static void recordSelectOne(PostgresAuditTrail audit, int count) {
        for (int i = 0; i < count; i++) {
            audit.record(record("SELECT 1", null));
        }
    }

    /** A data source whose first {@code failures} connections fail, as during a brief outage. */
    private static final class FlakyDataSource implements DataSource {

        private final DataSource delegate;
        private final AtomicInteger failuresLeft;
        private final boolean driverError;

        FlakyDataSource(DataSource delegate, int failures) {
            this(delegate, failures, false);
        }

        /** With {@code driverError}, fails with the AssertionError PgJDBC throws for a connection cut mid-batch. */
        FlakyDataSource(DataSource delegate, int failures, boolean driverError) {
            this.delegate = delegate;
            this.failuresLeft = new AtomicInteger(failures);
            this.driverError = driverError;
        }

        void recover() {
            failuresLeft.set(0);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (driverError) {
                    throw new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
                }
                throw new SQLException("Connection refused (simulated outage)", "08001");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
