package com.zava.retail.application.service;

import com.zava.retail.application.port.in.AdmitToolCallUseCase;
import com.zava.retail.application.port.in.LimitFailedAuthenticationsUseCase;
import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.port.out.RateLimitDecision;
import com.zava.retail.application.port.out.RateLimiter;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.RateLimitedException;
import java.time.Duration;
import java.util.Objects;

/** The product's two limits: tool calls per manager, and failed authentications per client address. */
public final class RateLimitService implements AdmitToolCallUseCase, LimitFailedAuthenticationsUseCase {

    private final RateLimiter limiter;
    private final RateLimit toolCalls;
    private final RateLimit failedAuthentications;

    public RateLimitService(RateLimiter limiter, RateLimit toolCalls, RateLimit failedAuthentications) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.toolCalls = Objects.requireNonNull(toolCalls, "toolCalls");
        this.failedAuthentications = Objects.requireNonNull(failedAuthentications, "failedAuthentications");
    }

    @Override
    public void admit(ManagerId caller) {
        RateLimitDecision decision = limiter.tryAcquire(toolCalls, caller.value().toString());
        if (!decision.allowed()) {
            throw new RateLimitedException("Too many tool calls: the limit is " + toolCalls.perMinute()
                    + " calls per minute, with bursts of up to " + toolCalls.burst() + ". Try again in "
                    + decision.retryAfterSeconds() + " s, and combine questions into fewer queries where you can.",
                    Duration.ofSeconds(decision.retryAfterSeconds()));
        }
    }

    @Override
    public Duration waitBeforeAttempt(String clientAddress) {
        RateLimitDecision decision = limiter.check(failedAuthentications, clientAddress);
        return decision.allowed() ? Duration.ZERO : Duration.ofSeconds(decision.retryAfterSeconds());
    }

    @Override
    public void failed(String clientAddress) {
        limiter.consume(failedAuthentications, clientAddress);
    }
}
