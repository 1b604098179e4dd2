package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.port.out.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));

    @Override
    protected RateLimiter limiter() {
        return new InMemoryRateLimiter(now::get);
    }

    @Test
    void tokensComeBackAtTheConfiguredRateUpToTheBurst() {
        RateLimiter limiter = limiter();
        RateLimit sixtyAMinute = new RateLimit("tool-calls", 60, 20);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire(sixtyAMinute, "m").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire(sixtyAMinute, "m").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        now.set(now.get().plusMillis(2_500));
        assertThat(limiter.tryAcquire(sixtyAMinute, "m").allowed()).isTrue();
        assertThat(limiter.tryAcquire(sixtyAMinute, "m").allowed()).isTrue();
        assertThat(limiter.tryAcquire(sixtyAMinute, "m").allowed()).isFalse();
        now.set(now.get().plus(Duration.ofHours(1)));
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire(sixtyAMinute, "m").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire(sixtyAMinute, "m").allowed()).isFalse();
    }
}
