package com.zava.retail.benchmarks;

/**
 * One single-client latency measurement.
 *
 * @param scenario  a query id of the mix, or a tool name with a qualifier
 * @param transport {@link Transport#label()} of the path measured
 */
record ScenarioResult(String scenario, Transport transport, LatencyStats stats) {
}
