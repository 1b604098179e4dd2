package com.zava.retail.benchmarks;

/**
 * What one measurement found. Latencies are of successful calls only; failed calls are counted in
 * {@code errors} and never make a scenario look faster.
 *
 * @param calls       successful calls measured
 * @param errors      calls that threw or came back with {@code isError: true}
 * @param wallSeconds time from the start of the measurement to the end of its last call
 * @param p50Ms       median latency in milliseconds
 */
record LatencyStats(long calls, long errors, double wallSeconds, double meanMs, double p50Ms, double p95Ms,
        double p99Ms, double maxMs) {

    static final LatencyStats NONE = new LatencyStats(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    /** Successful calls per second over the measured time. */
    double throughput() {
        return wallSeconds > 0 ? calls / wallSeconds : 0;
    }
}
