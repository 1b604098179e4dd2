package com.zava.retail.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one measurement, in nanoseconds, in a growable primitive array: boxing a million
 * samples would make the garbage collector part of what the harness measures. Not thread-safe;
 * each load-test client keeps its own and they are merged afterwards.
 */
final class LatencySamples {

    private long[] nanos = new long[4096];
    private int size;
    private long errors;

    void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    void error() {
        errors++;
    }

    long calls() {
        return size;
    }

    long errors() {
        return errors;
    }

    static LatencySamples merge(List<LatencySamples> parts) {
        LatencySamples all = new LatencySamples();
        int total = parts.stream().mapToInt(part -> part.size).sum();
        all.nanos = new long[Math.max(1, total)];
        for (LatencySamples part : parts) {
            System.arraycopy(part.nanos, 0, all.nanos, all.size, part.size);
            all.size += part.size;
            all.errors += part.errors;
        }
        return all;
    }

    /** @param wallNanos how long the measurement took, for the throughput */
    LatencyStats stats(long wallNanos) {
        if (size == 0) {
            return new LatencyStats(0, errors, wallNanos / 1e9, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new LatencyStats(size, errors, wallNanos / 1e9, millis(sum / size), millis(Percentiles.of(sorted, 50)),
                millis(Percentiles.of(sorted, 95)), millis(Percentiles.of(sorted, 99)), millis(sorted[size - 1]));
    }

    private static double millis(double nanos) {
        return nanos / 1e6;
    }
}
