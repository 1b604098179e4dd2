package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimitServiceTest {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final ManagerId TACOMA = ManagerId.parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");

    private static final RateLimit FAILED_AUTHENTICATIONS = new RateLimit("failed-authentications", 20, 2);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
    private final InMemoryRateLimiter shared = new InMemoryRateLimiter(now::get);
    private final RateLimitService limits = new RateLimitService(shared, new RateLimit("tool-calls", 30, 2),
            FAILED_AUTHENTICATIONS, now::get);

    @Test
    void aManagerOverTheLimitIsToldTheLimitAndWhenToTryAgain() {
        limits.admit(SEATTLE);
        limits.admit(SEATTLE);
        assertThatThrownBy(() -> limits.admit(SEATTLE))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.getMessage()).contains("30 calls per minute").contains("bursts of up to 2")
                            .contains("Try again in 2 s");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                });
        limits.admit(TACOMA);
    }

    @Test
    void failedAuthenticationsMakeAnAddressWaitAndOnlyThatAddress() {
        assertThat(limits.waitBeforeAttempt("192.0.2.1")).isZero();
        limits.failed("192.0.2.1");
        assertThat(limits.waitBeforeAttempt("192.0.2.1")).isZero();
        limits.failed("192.0.2.1");
        assertThat(limits.waitBeforeAttempt("192.0.2.1")).isEqualTo(Duration.ofSeconds(3));
        assertThat(limits.waitBeforeAttempt("192.0.2.2")).isZero();
    }

    @Test
    void aClearAddressIsRememberedForASecondThenAskedAgain() {
        assertThat(limits.waitBeforeAttempt("192.0.2.3")).isZero();
        // Another replica's failures use up the address's allowance in the shared limiter.
        shared.consume(FAILED_AUTHENTICATIONS, "192.0.2.3");
        shared.consume(FAILED_AUTHENTICATIONS, "192.0.2.3");
        assertThat(limits.waitBeforeAttempt("192.0.2.3")).as("remembered as clear").isZero();
        now.set(now.get().plus(Duration.ofMillis(999)));
        assertThat(limits.waitBeforeAttempt("192.0.2.3")).as("still within the memo").isZero();
        now.set(now.get().plus(Duration.ofMillis(1)));
        assertThat(limits.waitBeforeAttempt("192.0.2.3")).as("memo expired: the shared limiter decides")
                .isPositive();
    }

    @Test
    void aFailureOnThisReplicaForgetsTheClearAnswerAtOnce() {
        assertThat(limits.waitBeforeAttempt("192.0.2.4")).isZero();
        limits.failed("192.0.2.4");
        limits.failed("192.0.2.4");
        assertThat(limits.waitBeforeAttempt("192.0.2.4")).as("no memo after a failure, clock unchanged")
                .isPositive();
        assertThat(limits.waitBeforeAttempt("192.0.2.5")).isZero();
    }
}
