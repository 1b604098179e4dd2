package com.zava.retail.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a {@link RateLimiter}.
 *
 * @param allowed    whether the call may go ahead
 * @param retryAfter when refused, how long until a call would be allowed; zero when allowed
 */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

    public static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

    public RateLimitDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
    }

    public static RateLimitDecision refused(Duration retryAfter) {
        return new RateLimitDecision(false, retryAfter);
    }

    /** Whole seconds to wait, at least 1, for a Retry-After header or a message. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
