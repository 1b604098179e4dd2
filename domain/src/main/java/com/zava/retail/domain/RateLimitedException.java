package com.zava.retail.domain;

import java.time.Duration;
import java.util.Objects;

/** The caller exceeded a limit; trying again after {@link #retryAfter()} may work. */
public final class RateLimitedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long the caller should wait before the next attempt. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
