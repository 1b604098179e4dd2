package com.zava.retail.adapters.postgres;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.RateLimitedException;
import com.zava.retail.domain.UnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What every read of a caller's data passes on its way to PostgreSQL:
 * <ol>
 *   <li>a per-manager bulkhead, so one manager's slow queries cannot hold every pooled connection;</li>
 *   <li>a queue for the pool's connections, fair and as patient as the bulkhead: more callers
 *       than connections wait their turn here instead of failing after the pool's short
 *       connection timeout (kept short so that an outage is noticed quickly). It leaves a few
 *       connections to the server's own work (the audit writer, the readiness check);</li>
 *   <li>the {@code database} circuit breaker, so while PostgreSQL is away calls fail at once with a
 *       clear message instead of each waiting for a connection, and the server serves again by
 *       itself when it returns;</li>
 *   <li>one retry, only when a pooled connection turned out to be broken before the work could
 *       run. Every read here runs in a READ ONLY transaction, so running it again changes nothing;
 *       statement timeouts and errors in the caller's query are never retried.</li>
 * </ol>
 * Only outages count against the breaker: a mistyped query or a statement timeout is the caller's
 * problem, not the database's.
 */
final class DatabaseGate {

    /** Work against the database. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SQLException;
    }

    static final String UNREACHABLE = "The database is not reachable right now. Try again in a moment.";

    private final CircuitBreaker breaker;
    private final int maxConcurrentPerManager;
    private final Duration maxWait;
    private final Map<ManagerId, Semaphore> bulkheads = new ConcurrentHashMap<>();
    private final Semaphore connections;

    /**
     * @param maxConcurrentPerManager most reads one manager may run at once
     * @param maxWait                 how long a read waits for one of its manager's slots
     */
    DatabaseGate(CircuitBreaker breaker, int maxConcurrentPerManager, Duration maxWait) {
        this(breaker, maxConcurrentPerManager, Integer.MAX_VALUE, maxWait);
    }

    /**
     * @param maxConcurrentPerManager most reads one manager may run at once
     * @param maxConcurrentReads      most reads of all managers at once: fewer than the pool has
     *                                connections, so the server's own work always finds one
     * @param maxWait                 how long a read waits for its slots
     */
    DatabaseGate(CircuitBreaker breaker, int maxConcurrentPerManager, int maxConcurrentReads, Duration maxWait) {
        if (maxConcurrentPerManager < 1 || maxConcurrentReads < 1) {
            throw new IllegalArgumentException("max concurrent reads (per manager and in all) must be at least 1");
        }
        this.breaker = breaker;
        this.maxConcurrentPerManager = maxConcurrentPerManager;
        this.maxWait = maxWait;
        this.connections = new Semaphore(maxConcurrentReads, true);
    }

    /** Runs {@code attempt} for {@code manager} (empty: the server's own work, which no bulkhead limits). */
    <T> T call(Optional<ManagerId> manager, Attempt<T> attempt) throws SQLException {
        Semaphore slots = manager.map(id -> bulkheads.computeIfAbsent(id,
                key -> new Semaphore(maxConcurrentPerManager, true))).orElse(null);
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (slots != null && !acquire(slots, deadline)) {
            throw new RateLimitedException("This manager already has " + maxConcurrentPerManager
                    + " queries running; wait for one to finish before starting another.", Duration.ofSeconds(1));
        }
        if (!acquire(connections, deadline)) {
            if (slots != null) {
                slots.release();
            }
            throw new UnavailableException("The sales database is busy: every connection is in use. "
                    + "Try again in a moment.");
        }
        try {
            try {
                return guarded(attempt);
            } catch (BrokenConnection e) {
                // The pool handed out a connection that had died (e.g. the database restarted);
                // the pool evicts it, and a second attempt gets a fresh one.
                return guarded(attempt);
            }
        } catch (BrokenConnection e) {
            throw new UnavailableException(UNREACHABLE);
        } finally {
            connections.release();
            if (slots != null) {
                slots.release();
            }
        }
    }

    private <T> T guarded(Attempt<T> attempt) throws SQLException {
        if (!breaker.tryAcquirePermission()) {
            long seconds = Math.max(1, breaker.getCircuitBreakerConfig()
                    .getWaitIntervalFunctionInOpenState().apply(1) / 1000);
            throw new UnavailableException("The database is unavailable: recent attempts to reach it failed, "
                    + "so calls fail at once for a few seconds without trying. Try again in " + seconds + " s.");
        }
        long start = System.nanoTime();
        try {
            T result = attempt.run();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (SQLException | RuntimeException e) {
            long elapsed = System.nanoTime() - start;
            Outage outage = classify(e);
            if (outage == Outage.NONE) {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                throw e;
            }
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
            if (outage == Outage.BROKEN_CONNECTION) {
                throw new BrokenConnection(e);
            }
            throw new UnavailableException(UNREACHABLE);
        }
    }

    private static boolean acquire(Semaphore slots, long deadlineNanos) {
        try {
            return slots.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private enum Outage { NONE, UNREACHABLE, BROKEN_CONNECTION }

    /**
     * No connection could be had (and the pool says why: the database refused or did not answer),
     * or a connection broke under the work. A pool that is merely busy has no cause: that is load,
     * not an outage, and the bulkheads deal with it.
     */
    private static Outage classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException pool) {
                return pool.getCause() != null ? Outage.UNREACHABLE : Outage.NONE;
            }
            if (t instanceof SQLException sql && ManagerTransactions.isConnectionFailure(sql)) {
                return "08001".equals(sql.getSQLState()) || "08004".equals(sql.getSQLState())
                        ? Outage.UNREACHABLE : Outage.BROKEN_CONNECTION;
            }
        }
        return Outage.NONE;
    }

    /** A broken connection, worth one more attempt. */
    private static final class BrokenConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenConnection(Throwable cause) {
            super(cause);
        }
    }
}
