package com.zava.retail.benchmarks;

/**
 * One level of the load test.
 *
 * @param scenario   what every client called
 * @param clients    concurrent clients, each with its own MCP session
 * @param peakRssKib highest resident memory of the server sampled during the level
 * @param endRssKib  resident memory right after the level
 */
record LoadResult(String scenario, int clients, LatencyStats stats, long peakRssKib, long endRssKib) {
}
