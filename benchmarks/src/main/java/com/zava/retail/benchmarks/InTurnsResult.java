package com.zava.retail.benchmarks;

/**
 * A query through the server and the same query over raw JDBC, measured in turns (A B A B ...) so
 * that whatever drifts during the measurement (other processes, caches, the CPU's clock) affects
 * both alike.
 *
 * @param client which client made the server's calls: the MCP Java SDK client or the lean one
 */
record InTurnsResult(String query, Transport transport, String client, LatencyStats raw, LatencyStats server) {

    static final String SDK_CLIENT = "MCP Java SDK client";
    static final String LEAN_CLIENT = "lean HTTP client";

    double ratio() {
        return server.p50Ms() / raw.p50Ms();
    }
}
