package com.zava.retail.adapters.redis;

import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.port.out.RateLimitDecision;
import com.zava.retail.application.port.out.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, so a limit holds across all replicas: a caller cannot multiply their
 * allowance by the replica count. While Redis is away each replica limits on its own (the
 * fallback), which is looser by the replica count but never unlimited.
 */
final class RedisRateLimiter implements RateLimiter {

    /**
     * Read once, as text: a script made from a classpath resource asks the resource for its
     * modification time on every call (to reload a changed file), which inside a jar costs more
     * than the Redis round trip itself.
     */
    private static final RedisScript<Long> TOKEN_BUCKET = RedisScript.of(script(), Long.class);

    private enum Mode { CHECK, TRY, FORCE }

    private static String script() {
        try {
            return new ClassPathResource("com/zava/retail/adapters/redis/token-bucket.lua")
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("token-bucket.lua is part of this module's jar", e);
        }
    }

    private final RedisStore store;
    private final RateLimiter fallback;
    private final MeterRegistry meters;
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

    RedisRateLimiter(RedisStore store, RateLimiter fallback, MeterRegistry meters) {
        this.store = store;
        this.fallback = fallback;
        this.meters = meters;
    }

    @Override
    public RateLimitDecision tryAcquire(RateLimit limit, String key) {
        return counted(limit, run(limit, key, Mode.TRY).orElseGet(() -> fallback.tryAcquire(limit, key)));
    }

    @Override
    public RateLimitDecision check(RateLimit limit, String key) {
        return counted(limit, run(limit, key, Mode.CHECK).orElseGet(() -> fallback.check(limit, key)));
    }

    @Override
    public void consume(RateLimit limit, String key) {
        if (run(limit, key, Mode.FORCE).isEmpty()) {
            fallback.consume(limit, key);
        }
    }

    private Optional<RateLimitDecision> run(RateLimit limit, String key, Mode mode) {
        return store.eval(TOKEN_BUCKET, List.of(RedisKeys.rateLimit(limit.name(), key)),
                Integer.toString(limit.burst()), Double.toString(limit.millisPerPermit()),
                Integer.toString(mode.ordinal()))
                .map(wait -> wait <= 0 ? RateLimitDecision.ALLOWED : RateLimitDecision.refused(Duration.ofMillis(wait)));
    }

    private RateLimitDecision counted(RateLimit limit, RateLimitDecision decision) {
        if (!decision.allowed()) {
            rejections.computeIfAbsent(limit.name(), name -> Counter.builder("zava.ratelimit.rejections")
                    .description("Requests refused by a rate limit")
                    .tag("limit", name).register(meters)).increment();
        }
        return decision;
    }
}
