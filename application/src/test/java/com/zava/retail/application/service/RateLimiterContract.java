package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.port.out.RateLimitDecision;
import com.zava.retail.application.port.out.RateLimiter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} promises. Run against the in-memory limiter here and against
 * Redis in adapters-redis. One token a minute, so no token comes back while a test runs.
 */
public abstract class RateLimiterContract {

    protected static final RateLimit THREE_AT_ONCE = new RateLimit("contract", 1, 3);

    /** A limiter whose buckets are all full. */
    protected abstract RateLimiter limiter();

    /** A key no other test used. */
    protected static String freshKey() {
        return UUID.randomUUID().toString();
    }

    @Test
    void allowsTheBurstThenRefusesWithTheTimeUntilTheNextToken() {
        RateLimiter limiter = limiter();
        String key = freshKey();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(THREE_AT_ONCE, key).allowed()).as("call %d", i + 1).isTrue();
        }
        RateLimitDecision refused = limiter.tryAcquire(THREE_AT_ONCE, key);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
        assertThat(refused.retryAfterSeconds()).isBetween(50L, 60L);
    }

    @Test
    void checkingTakesNoToken() {
        RateLimiter limiter = limiter();
        String key = freshKey();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.check(THREE_AT_ONCE, key).allowed()).isTrue();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(THREE_AT_ONCE, key).allowed()).isTrue();
        }
        assertThat(limiter.check(THREE_AT_ONCE, key).allowed()).isFalse();
    }

    @Test
    void consumingTakesATokenEvenFromAnEmptyBucketWithoutGoingBelowEmpty() {
        RateLimiter limiter = limiter();
        String key = freshKey();
        for (int i = 0; i < 5; i++) {
            limiter.consume(THREE_AT_ONCE, key);
        }
        RateLimitDecision decision = limiter.check(THREE_AT_ONCE, key);
        assertThat(decision.allowed()).isFalse();
        // Empty, not in debt: the next token is at most one interval away.
        assertThat(decision.retryAfter()).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void bucketsOfDifferentKeysAndLimitsAreIndependent() {
        RateLimiter limiter = limiter();
        String key = freshKey();
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(THREE_AT_ONCE, key);
        }
        assertThat(limiter.tryAcquire(THREE_AT_ONCE, key).allowed()).isFalse();
        assertThat(limiter.tryAcquire(THREE_AT_ONCE, freshKey()).allowed()).isTrue();
        assertThat(limiter.tryAcquire(new RateLimit("contract-other", 1, 3), key).allowed()).isTrue();
    }
}
