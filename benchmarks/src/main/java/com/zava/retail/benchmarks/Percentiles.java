package com.zava.retail.benchmarks;

/**
 * Percentiles by the nearest-rank method over a sorted array: the p-th percentile is the smallest
 * sample that at least p % of the samples are less than or equal to. Exact (no bucketing as in
 * HdrHistogram), which is affordable because a run keeps at most a few million samples.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** @param sorted ascending samples, not empty; @param percent in (0, 100] */
    static long of(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
