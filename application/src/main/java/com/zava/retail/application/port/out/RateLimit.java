package com.zava.retail.application.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A token bucket: up to {@code burst} calls at once, refilled at {@code perMinute} calls per
 * minute. The name tells limits apart in keys and metrics.
 *
 * @param name      short lower-case name, e.g. {@code tool-calls}
 * @param perMinute sustained rate
 * @param burst     bucket size: calls allowed at once after a quiet period
 */
public record RateLimit(String name, int perMinute, int burst) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public RateLimit {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rate limit name must be lower-case letters, digits and dashes, was '"
                    + name + "'");
        }
        if (perMinute < 1 || perMinute > 1_000_000) {
            throw new IllegalArgumentException(name + ": per-minute must be between 1 and 1000000, was " + perMinute);
        }
        if (burst < 1 || burst > 1_000_000) {
            throw new IllegalArgumentException(name + ": burst must be between 1 and 1000000, was " + burst);
        }
    }

    /** Time for one token to come back. */
    public double millisPerPermit() {
        return 60_000.0 / perMinute;
    }

    /** Time for an empty bucket to fill up; state older than this is the same as no state. */
    public Duration timeToFill() {
        return Duration.ofMillis((long) Math.ceil(burst * millisPerPermit()));
    }
}
