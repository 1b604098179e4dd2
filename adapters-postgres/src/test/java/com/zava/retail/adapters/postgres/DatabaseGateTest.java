package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.RateLimitedException;
import com.zava.retail.domain.UnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gate's rules, with attempts that fail the way the pool and the driver fail. */
class DatabaseGateTest {

    private static final Optional<ManagerId> SEATTLE = Optional.of(ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479"));
    private static final Optional<ManagerId> TACOMA = Optional.of(ManagerId.parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890"));

    private final CircuitBreaker breaker = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(2)).build());
    private final DatabaseGate gate = new DatabaseGate(breaker, 2, Duration.ofMillis(200));

    private static SQLException databaseAway() {
        return new SQLTransientConnectionException("zava-app - Connection is not available",
                null, new SQLException("Connection refused", "08001"));
    }

    @Test
    void outagesOpenTheBreakerAndThenCallsFailAtOnceWithoutTrying() {
        AtomicInteger tries = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> gate.call(SEATTLE, () -> {
                tries.incrementAndGet();
                throw databaseAway();
            })).isInstanceOf(UnavailableException.class).hasMessageContaining("not reachable");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> gate.call(TACOMA, () -> tries.incrementAndGet()))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("Try again in 2 s");
        assertThat(tries).hasValue(4);
    }

    @Test
    void errorsInTheCallersQueryAndABusyPoolNeverOpenTheBreaker() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> gate.call(SEATTLE, () -> {
                throw new SQLException("column \"x\" does not exist", "42703");
            })).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> gate.call(SEATTLE, () -> {
                throw new SQLException("canceling statement due to statement timeout", "57014");
            })).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> gate.call(SEATTLE, () -> {
                throw new SQLTransientConnectionException("zava-app - Connection is not available");
            })).isInstanceOf(SQLException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aBrokenPooledConnectionIsRetriedOnceButAQueryErrorNever() throws SQLException {
        AtomicInteger tries = new AtomicInteger();
        String answer = gate.call(SEATTLE, () -> {
            if (tries.incrementAndGet() == 1) {
                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
            return "rows";
        });
        assertThat(answer).isEqualTo("rows");
        assertThat(tries).hasValue(2);

        tries.set(0);
        assertThatThrownBy(() -> gate.call(SEATTLE, () -> {
            tries.incrementAndGet();
            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
        })).isInstanceOf(UnavailableException.class);
        assertThat(tries).as("one retry, not more").hasValue(2);

        breaker.reset(); // three broken connections in four calls opened it, rightly
        tries.set(0);
        assertThatThrownBy(() -> gate.call(SEATTLE, () -> {
            tries.incrementAndGet();
            throw new SQLException("canceling statement due to statement timeout", "57014");
        })).isInstanceOf(SQLException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void oneManagersSlowReadsCannotTakeMoreThanTheirSlots() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> gate.call(SEATTLE, heldUntil(running, release)));
            }
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> gate.call(SEATTLE, () -> "third"))
                    .isInstanceOfSatisfying(RateLimitedException.class, e ->
                            assertThat(e.getMessage()).contains("already has 2 queries running"));
            assertThat(gate.call(TACOMA, () -> "another manager still gets through")).isNotBlank();
            assertThat(gate.call(Optional.empty(), () -> "the server's own work too")).isNotBlank();
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(gate.call(SEATTLE, () -> "slots come back")).isNotBlank();
    }

    @Test
    void moreReadersThanConnectionsWaitTheirTurnAndOnlyATooLongWaitFails() throws Exception {
        DatabaseGate narrow = new DatabaseGate(breaker, 5, 2, Duration.ofMillis(400));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Optional<ManagerId> manager : java.util.List.of(SEATTLE, TACOMA)) {
                pool.submit(() -> narrow.call(manager, heldUntil(running, release)));
            }
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> narrow.call(SEATTLE, () -> "no connection within the wait"))
                    .isInstanceOfSatisfying(UnavailableException.class, e ->
                            assertThat(e.getMessage()).contains("every connection is in use"));
            Future<String> queued = pool.submit(() -> narrow.call(SEATTLE, () -> "served after waiting"));
            Thread.sleep(100);
            assertThat(queued.isDone()).as("waits while both connections are taken").isFalse();
            release.countDown();
            assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("served after waiting");
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(narrow.call(SEATTLE, () -> "the failed wait gave its manager slot back")).isNotBlank();
    }

    /** A read that says it is running, then keeps its slots until {@code release} opens. */
    private static DatabaseGate.Attempt<Boolean> heldUntil(CountDownLatch running, CountDownLatch release) {
        return () -> {
            running.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
