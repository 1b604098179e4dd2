package com.zava.retail.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.service.InMemoryRateLimiter;
import com.zava.retail.testsupport.DisposableRedis;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Redis server of the test's own is stopped under the adapter: nothing throws, nothing waits,
 * limits fall back to this replica, and everything is shared again once Redis is back.
 */
class RedisOutageIT {

    private static final EmbeddingModel MODEL = new EmbeddingModel("outage-model", 2);
    private static final RateLimit TWO_AT_ONCE = new RateLimit("outage", 1, 2);

    private static DisposableRedis server;
    private static LettuceConnectionFactory connections;

    @BeforeAll
    static void startRedis() {
        server = DisposableRedis.start();
        connections = TestRedis.connect(server.host(), server.port(), 0);
    }

    @AfterAll
    static void stopRedis() {
        connections.destroy();
        server.close();
    }

    @Test
    void withoutRedisCachesMissLimitsHoldPerReplicaAndNothingWaits() throws Exception {
        assertThat(TestRedis.disconnectedBehaviour(connections)).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CircuitBreaker breaker = TestRedis.breaker(Duration.ofSeconds(2));
        RedisStore store = TestRedis.store(connections, breaker, meters);
        RedisEmbeddingCache cache = new RedisEmbeddingCache(store, Duration.ofHours(1));
        RedisRateLimiter limiter = new RedisRateLimiter(store, new InMemoryRateLimiter(Instant::now), meters);

        cache.put(MODEL, "drill", new float[] {1, 0});
        assertThat(cache.get(MODEL, "drill")).isPresent();

        server.stop();
        long slowest = 0;
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            assertThat(cache.get(MODEL, "drill")).isEmpty();
            cache.put(MODEL, "saw", new float[] {0, 1});
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        System.out.printf("[redis outage] slowest cache read+write while Redis was down: %.1f ms%n", slowest / 1e6);
        // The command timeout (250 ms) bounds even the first failing command; after that the
        // breaker answers without trying.
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).isLessThan(300);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(meters.find("zava.cache.gets").tag("result", "unavailable").counter().count()).isEqualTo(50);

        // Limits still hold, per replica.
        assertThat(limiter.tryAcquire(TWO_AT_ONCE, "m").allowed()).isTrue();
        assertThat(limiter.tryAcquire(TWO_AT_ONCE, "m").allowed()).isTrue();
        assertThat(limiter.tryAcquire(TWO_AT_ONCE, "m").allowed()).isFalse();

        server.resume();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        boolean shared = false;
        while (!shared && System.nanoTime() < deadline) {
            cache.put(MODEL, "drill", new float[] {1, 0});
            shared = cache.get(MODEL, "drill").isPresent();
            Thread.sleep(200);
        }
        assertThat(shared).as("the cache works again after Redis returns").isTrue();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // Back on Redis: a fresh, shared bucket.
        assertThat(limiter.tryAcquire(TWO_AT_ONCE, "other").allowed()).isTrue();
        assertThat(store.timeToLiveMillis(RedisKeys.rateLimit("outage", "other"))).isPresent();
    }
}
