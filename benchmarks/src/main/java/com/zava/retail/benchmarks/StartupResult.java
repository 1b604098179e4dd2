package com.zava.retail.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * Repeated start-up times of one transport.
 *
 * @param transport the transport started
 * @param until     the moment the clock stops, e.g. {@code initialize answered}
 * @param samples   each start, in the order taken
 */
record StartupResult(Transport transport, String until, List<Duration> samples) {

    StartupResult {
        samples = List.copyOf(samples);
    }

    Duration median() {
        long[] sorted = samples.stream().mapToLong(Duration::toNanos).sorted().toArray();
        return Duration.ofNanos(Percentiles.of(sorted, 50));
    }
}
