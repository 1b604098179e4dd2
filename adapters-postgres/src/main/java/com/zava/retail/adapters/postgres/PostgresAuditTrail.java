package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.AuditTrail;
import com.zava.retail.application.port.out.ToolCallRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit records to {@code audit.tool_calls} without ever blocking a tool call: records go
 * into a bounded queue that one background thread drains in batches. When the database is away,
 * the writer keeps the batch and retries with back-off; only when the queue itself is full is a
 * record dropped, and every drop is counted and logged.
 */
final class PostgresAuditTrail implements AuditTrail, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresAuditTrail.class);
    /** Rows per INSERT batch: one pooled connection, one round trip and one commit each. */
    static final int BATCH = 1_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /**
     * How long the writer lets records gather after the first one arrives. Without it, a steady
     * trickle of calls meant one pooled connection, one INSERT and one commit per call on the
     * writer thread, competing with the calls themselves for the cores (profiled under load);
     * waiting this long makes batches of tens at a few hundred calls a second. A record reaches
     * the table at most this much later. With a full batch already waiting the writer does not
     * wait: at 7,000 calls a second (the benchmark's 128 lean clients) the pause after every batch
     * capped the writer below the arrival rate, the queue filled and records were dropped.
     */
    static final Duration LINGER = Duration.ofMillis(25);
    private static final String INSERT = "INSERT INTO audit.tool_calls (occurred_at, manager_id, transport, tool, "
            + "fingerprint, statement, row_count, duration_ms, outcome, error_code) VALUES (?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final BlockingQueue<ToolCallRecord> queue;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    /** Records taken into the queue; flush() waits until as many are written. */
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean running = true;

    PostgresAuditTrail(DataSource dataSource, int capacity) {
        this.dataSource = dataSource;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "zava-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(ToolCallRecord record) {
        // Counted before the offer, so the writer can never have written more than was accepted.
        accepted.incrementAndGet();
        if (!running || !queue.offer(record)) {
            accepted.decrementAndGet();
            long total = dropped.incrementAndGet();
            // One line per power of two: a full queue must not also flood the log.
            if (Long.bitCount(total) == 1) {
                LOG.error("Audit queue full or closed: {} audit record(s) dropped so far (latest: {} by {})", total,
                        record.tool(), record.manager());
            }
        }
    }

    long written() {
        return written.get();
    }

    /** INSERT batches written so far: each one pooled connection, one round trip and one commit. */
    long batches() {
        return batches.get();
    }

    long dropped() {
        return dropped.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    /** Waits until everything queued so far is written, or the timeout passes; true when empty. */
    boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (written.get() >= accepted.get()) {
                return true;
            }
            Thread.sleep(10);
        }
        return written.get() >= accepted.get();
    }

    /** Stops taking records, writes what is queued (for at most 10 s) and stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queue.size();
        if (left > 0) {
            dropped.addAndGet(left);
            LOG.error("Shutting down with {} audit record(s) unwritten; they are counted as dropped", left);
        }
    }

    private void drain() {
        List<ToolCallRecord> batch = new ArrayList<>(BATCH);
        Duration backoff = Duration.ofMillis(100);
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    ToolCallRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    if (running && shouldLinger(queue.size())) {
                        Thread.sleep(LINGER.toMillis());
                    }
                    queue.drainTo(batch, BATCH - 1);
                }
                write(batch);
                written.addAndGet(batch.size());
                batches.incrementAndGet();
                batch.clear();
                backoff = Duration.ofMillis(100);
            } catch (SQLException | RuntimeException | AssertionError e) {
                // AssertionError: PgJDBC throws one, not an SQLException, when the connection is cut
                // in the middle of a batch. Left uncaught it ended this thread, and so the audit
                // trail, until the next restart.
                failedAttempts.incrementAndGet();
                LOG.warn("Writing {} audit record(s) failed ({}); retrying in {} ms", batch.size(), e.getMessage(),
                        backoff.toMillis());
                if (!running && failedAttempts.get() > 3) {
                    // Shutting down with the database away: close() counts what is still queued,
                    // this batch is counted here, so every accepted record is written or dropped.
                    dropped.addAndGet(batch.size());
                    LOG.error("Shutting down with the database away: the {} audit record(s) of the last batch "
                            + "are counted as dropped", batch.size());
                    return;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits for more records only while fewer than a batch are queued behind the first. */
    static boolean shouldLinger(int queuedBehindFirst) {
        return queuedBehindFirst < BATCH - 1;
    }

    private void write(List<ToolCallRecord> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(true);
            for (ToolCallRecord record : batch) {
                insert.setTimestamp(1, Timestamp.from(record.at()));
                insert.setString(2, record.manager().asText());
                insert.setString(3, record.transport());
                insert.setString(4, record.tool());
                setOptional(insert, 5, record.fingerprint().orElse(null));
                setOptional(insert, 6, record.statement().orElse(null));
                insert.setInt(7, record.rows());
                insert.setInt(8, (int) Math.min(Integer.MAX_VALUE, record.duration().toMillis()));
                insert.setString(9, record.succeeded() ? "ok" : "error");
                setOptional(insert, 10, record.errorCode().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setOptional(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
