package com.zava.retail.adapters.mcp.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts failed authentications per client address in fixed one-minute windows and says when an
 * address has failed too often, so keys cannot be guessed at speed. Per replica and in memory; a
 * shared limit through Redis can take its place. Bounded: old windows are forgotten.
 */
final class FailedAuthenticationLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 100_000;

    private record Window(long start, int failures) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong totalFailures = new AtomicLong();
    private final int maxFailures;
    private final Clock clock;

    FailedAuthenticationLimiter(int maxFailuresPerMinute, Clock clock) {
        this.maxFailures = maxFailuresPerMinute;
        this.clock = clock;
    }

    /** Seconds until the address may try again, or 0 when it may try now. */
    long retryAfterSeconds(String address) {
        Window window = windows.get(address);
        long now = clock.millis();
        if (window == null || now - window.start() >= WINDOW.toMillis() || window.failures() < maxFailures) {
            return 0;
        }
        return Math.max(1, (window.start() + WINDOW.toMillis() - now + 999) / 1000);
    }

    void failed(String address) {
        totalFailures.incrementAndGet();
        if (windows.size() >= MAX_ADDRESSES) {
            windows.clear();
        }
        long now = clock.millis();
        windows.compute(address, (key, window) -> window == null || now - window.start() >= WINDOW.toMillis()
                ? new Window(now, 1) : new Window(window.start(), window.failures() + 1));
    }

    /** Failed authentications since start, for monitoring. */
    long totalFailures() {
        return totalFailures.get();
    }
}
