package com.zava.retail.adapters.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The one way this adapter talks to Redis: every command goes through the {@code redis} circuit
 * breaker and no failure escapes. Redis is an optimisation here (shared caches, shared limits), so
 * an outage must cost callers nothing but the optimisation: while the breaker is open no command
 * is even tried, and a failed command reads as "not there".
 */
final class RedisStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);

    /** How a cache read went, for the hit/miss metric. */
    enum Result { HIT, MISS, UNAVAILABLE }

    private final RedisTemplate<String, byte[]> bytes;
    private final StringRedisTemplate strings;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    RedisStore(RedisTemplate<String, byte[]> bytes, StringRedisTemplate strings, CircuitBreaker breaker,
            MeterRegistry meters) {
        this.bytes = bytes;
        this.strings = strings;
        this.breaker = breaker;
        this.meters = meters;
        breaker.getEventPublisher().onStateTransition(event -> LOG.warn(
                "Redis circuit breaker {}: {}", event.getStateTransition(),
                event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED
                        ? "Redis answers again; shared caches and limits are back"
                        : "caches are bypassed and rate limits are per replica until Redis answers again"));
    }

    /** The value under {@code key}, counted as a hit, miss or unavailable read of {@code cache}. */
    Optional<byte[]> get(String cache, String key) {
        Optional<Optional<byte[]>> answer = call(() -> Optional.ofNullable(bytes.opsForValue().get(key)));
        Result result = answer.isEmpty() ? Result.UNAVAILABLE : answer.get().isPresent() ? Result.HIT : Result.MISS;
        count(cache, result);
        return answer.flatMap(value -> value);
    }

    /** Stores {@code value} under {@code key} for {@code timeToLive}; forgotten when Redis is away. */
    void put(String key, byte[] value, Duration timeToLive) {
        call(() -> {
            bytes.opsForValue().set(key, value, timeToLive.toMillis(), TimeUnit.MILLISECONDS);
            return Boolean.TRUE;
        });
    }

    /** Runs a script; empty when Redis could not run it. */
    <T> Optional<T> eval(RedisScript<T> script, List<String> keys, String... args) {
        return call(() -> strings.execute(script, keys, (Object[]) args));
    }

    /** Milliseconds until {@code key} expires, or empty (no key, no expiry, or Redis away). For tests and operators. */
    Optional<Long> timeToLiveMillis(String key) {
        return call(() -> bytes.getExpire(key, TimeUnit.MILLISECONDS)).filter(ttl -> ttl >= 0);
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private <T> Optional<T> call(Supplier<T> command) {
        if (!breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            T value = command.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return Optional.ofNullable(value);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.debug("Redis command failed", e);
            return Optional.empty();
        }
    }

    private void count(String cache, Result result) {
        counters.computeIfAbsent(cache + ':' + result, name -> Counter.builder("zava.cache.gets")
                .description("Cache reads by cache and result (hit, miss, or unavailable while Redis is away)")
                .tag("cache", cache).tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)).increment();
    }
}
