package com.zava.retail.application.port.out;

/**
 * Token buckets keyed by who is limited (a manager id, a client address). Implementations share
 * the buckets between replicas where they can; a limiter that cannot reach its store must still
 * answer (by limiting per replica), never throw and never let everything through silently.
 */
public interface RateLimiter {

    /** Takes one token from {@code key}'s bucket if there is one. */
    RateLimitDecision tryAcquire(RateLimit limit, String key);

    /** Whether a token is available, without taking it. */
    RateLimitDecision check(RateLimit limit, String key);

    /** Takes one token whether or not one is left (the bucket does not go below empty). */
    void consume(RateLimit limit, String key);
}
