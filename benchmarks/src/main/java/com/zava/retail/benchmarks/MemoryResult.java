package com.zava.retail.benchmarks;

import java.util.List;

/**
 * Resident memory of the stateless HTTP server (the one the load test runs against).
 *
 * @param idleKib after the single-client scenarios warmed it up, with no call in flight
 * @param clients concurrency of the repeated runs
 * @param runs    the repeated runs, to see whether memory keeps growing
 */
record MemoryResult(long idleKib, int clients, List<Run> runs) {

    MemoryResult {
        runs = List.copyOf(runs);
    }

    /**
     * @param peakKib  highest value sampled during the run
     * @param afterKib right after the run
     */
    record Run(int number, LatencyStats stats, long peakKib, long afterKib) {
    }

    /** Growth from after the first run to after the last, in percent. */
    double growthPercent() {
        if (runs.size() < 2) {
            return 0;
        }
        long first = runs.get(0).afterKib();
        long last = runs.get(runs.size() - 1).afterKib();
        return first > 0 ? (last - first) * 100.0 / first : 0;
    }
}
