package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.List;

/**
 * The ratio target's measurement: the 20-row aggregate through a running HTTP server, in turns
 * with the same statement over raw JDBC, once with the MCP Java SDK client and once with the lean
 * client. Measuring the baseline minutes earlier, as the latency table does, lets the machine's
 * drift between the two decide the ratio (on a shared two-core machine the same raw query has
 * measured 9 ms one hour and 15 ms the next).
 */
final class AggregateInTurns {

    private AggregateInTurns() {
    }

    static List<InTurnsResult> measure(McpSyncClient sdk, int port, ApiKeys.ApiKey key, Transport transport,
            SalesQuery query, int expectedRows, DatabaseSettings database, Duration warmup, Duration duration)
            throws Exception {
        try (JdbcSession raw = JdbcSession.open(database.jdbcUrl(), database.app())) {
            Call rawCall = () -> raw.runAsManager(DataFacts.HEAD_OFFICE, query.sql()) == expectedRows;
            Progress.say("%s: %s in turns with raw JDBC, %s", transport.label(), query.id(), InTurnsResult.SDK_CLIENT);
            List<LatencyStats> withSdk = TimedLoop.measureInTurns(rawCall, ToolCalls.sql(sdk, query.sql()), warmup,
                    duration);
            List<LatencyStats> withLean;
            try (LeanMcpHttpClient lean = LeanMcpHttpClient.connect(port, key)) {
                String arguments = "{\"postgresql_query\":" + LeanMcpHttpClient.jsonString(query.sql()) + "}";
                Call leanCall = () -> lean.callTool("execute_sales_query", arguments);
                if (!leanCall.run()) {
                    throw new IllegalStateException(query.id() + " failed through the lean HTTP client ("
                            + transport.label() + ")");
                }
                Progress.say("%s: %s in turns with raw JDBC, %s", transport.label(), query.id(),
                        InTurnsResult.LEAN_CLIENT);
                withLean = TimedLoop.measureInTurns(rawCall, leanCall, warmup, duration);
            }
            return List.of(
                    new InTurnsResult(query.id(), transport, InTurnsResult.SDK_CLIENT, withSdk.get(0), withSdk.get(1)),
                    new InTurnsResult(query.id(), transport, InTurnsResult.LEAN_CLIENT, withLean.get(0), withLean.get(1)));
        }
    }
}
