package com.zava.retail.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * Progress lines on stderr, prefixed with the time since the run began, so whoever started a
 * fifteen-minute run can see which scenario and which level it is in. stdout stays unused.
 */
final class Progress {

    private static final long STARTED = System.nanoTime();

    private Progress() {
    }

    static void say(String format, Object... args) {
        long seconds = Duration.ofNanos(System.nanoTime() - STARTED).toSeconds();
        System.err.printf(Locale.ROOT, "[bench %02d:%02d] %s%n", seconds / 60, seconds % 60,
                String.format(Locale.ROOT, format, args));
        System.err.flush();
    }
}
