package com.zava.retail.application.service;

import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.port.out.RateLimitDecision;
import com.zava.retail.application.port.out.RateLimiter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this replica's memory: the limiter of a single process (stdio), and the
 * fallback of the shared limiter while Redis is away. Bounded: when it holds too many buckets it
 * starts over, so callers who choose keys (client addresses) cannot grow it without end.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    /** Enough for every manager and every address seen in a few minutes of an attack. */
    private static final int MAX_BUCKETS = 100_000;

    private record Bucket(double tokens, long updatedMillis) {
    }

    private record Key(String limit, String key) {
    }

    private final ConcurrentHashMap<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RateLimitDecision tryAcquire(RateLimit limit, String key) {
        return update(limit, key, Mode.TRY);
    }

    @Override
    public RateLimitDecision check(RateLimit limit, String key) {
        return update(limit, key, Mode.CHECK);
    }

    @Override
    public void consume(RateLimit limit, String key) {
        update(limit, key, Mode.FORCE);
    }

    private enum Mode { TRY, CHECK, FORCE }

    private RateLimitDecision update(RateLimit limit, String key, Mode mode) {
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear();
        }
        long now = clock.now().toEpochMilli();
        double[] available = new double[1];
        buckets.compute(new Key(limit.name(), key), (k, bucket) -> {
            double tokens = bucket == null ? limit.burst()
                    : Math.min(limit.burst(), bucket.tokens() + Math.max(0, now - bucket.updatedMillis())
                            / limit.millisPerPermit());
            available[0] = tokens;
            if (mode == Mode.FORCE || (mode == Mode.TRY && tokens >= 1)) {
                tokens = Math.max(0, tokens - 1);
            }
            return new Bucket(tokens, now);
        });
        if (available[0] >= 1) {
            return RateLimitDecision.ALLOWED;
        }
        return RateLimitDecision.refused(Duration.ofMillis((long) Math.ceil((1 - available[0]) * limit.millisPerPermit())));
    }
}
