package com.zava.retail.application.service;

import com.zava.retail.application.port.in.AdmitToolCallUseCase;
import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.in.LimitFailedAuthenticationsUseCase;
import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.port.out.RateLimitDecision;
import com.zava.retail.application.port.out.RateLimiter;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.RateLimitedException;
import java.time.Duration;
import java.util.Objects;

/**
 * The product's two limits: tool calls per manager, and failed authentications per client address.
 *
 * <p>Every HTTP request asks whether its address may attempt to authenticate, and nearly always
 * it may. So that this question does not cost a round trip to the shared limiter on every
 * request, a "clear" answer is remembered on this replica for {@link #CLEAR_MEMO}, and forgotten
 * as soon as this replica sees the address fail. Failures on this replica are therefore limited
 * exactly; an address locked out by failures on another replica is refused here at most
 * {@link #CLEAR_MEMO} late, and only if it recently authenticated here successfully.
 */
public final class RateLimitService implements AdmitToolCallUseCase, LimitFailedAuthenticationsUseCase {

    /** How long this replica trusts that an address is not locked out. */
    static final Duration CLEAR_MEMO = Duration.ofSeconds(1);

    /** Addresses remembered at once; a flood of new addresses only restarts the memo. */
    private static final int MEMO_ENTRIES = 10_000;

    private final RateLimiter limiter;
    private final RateLimit toolCalls;
    private final RateLimit failedAuthentications;
    private final ExpiringMap<String, Boolean> clearAddresses;

    public RateLimitService(RateLimiter limiter, RateLimit toolCalls, RateLimit failedAuthentications, Clock clock) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.toolCalls = Objects.requireNonNull(toolCalls, "toolCalls");
        this.failedAuthentications = Objects.requireNonNull(failedAuthentications, "failedAuthentications");
        this.clearAddresses = new ExpiringMap<>(Objects.requireNonNull(clock, "clock"), CLEAR_MEMO, MEMO_ENTRIES);
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
        if (clearAddresses.get(clientAddress).isPresent()) {
            return Duration.ZERO;
        }
        RateLimitDecision decision = limiter.check(failedAuthentications, clientAddress);
        if (decision.allowed()) {
            clearAddresses.put(clientAddress, Boolean.TRUE);
            return Duration.ZERO;
        }
        return Duration.ofSeconds(decision.retryAfterSeconds());
    }

    @Override
    public void failed(String clientAddress) {
        clearAddresses.remove(clientAddress);
        limiter.consume(failedAuthentications, clientAddress);
    }
}
