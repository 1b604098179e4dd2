package com.zava.retail.benchmarks;

/**
 * One level of the load test.
 *
 * @param scenario   what every client called
 * @param clients    concurrent clients, each with its own MCP session
 * @param cpu        CPU time of the server and of the harness (the clients) per successful call
 * @param peakRssKib highest resident memory of the server sampled during the level
 * @param endRssKib  resident memory right after the level
 */
record LoadResult(String scenario, int clients, LatencyStats stats, ProcessCpu.PerCall cpu, long peakRssKib,
        long endRssKib) {
}
