package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings a freshly started HTTP server to its steady state before anything is measured. The JVM
 * compiles a method only after thousands of calls, and a single client makes few enough that,
 * measured straight after start, it times code that is still interpreted: on the 2-core machine a
 * cached search took 5 to 9 ms for the first minute and 3 to 4 ms once compiled. A production
 * server is long past that point, so the harness gets there first: a few MCP Java SDK clients
 * (which also warms the harness's own client code) call every tool in turns; nothing of it is
 * reported, and errors stop the run as everywhere else.
 */
final class ServerWarmUp {

    static final int CLIENTS = 4;

    /** The fast queries of the mix; the slow ones would take most of the time with few calls. */
    private static final Set<String> QUERIES = Set.of(QueryMix.POINT_LOOKUP, QueryMix.AGGREGATE);

    private ServerWarmUp() {
    }

    static void run(HttpServer server, ApiKeys.ApiKey key, List<SalesQuery> queries, Duration duration)
            throws Exception {
        if (duration.isZero()) {
            return;
        }
        Progress.say("warm-up: %d clients calling every tool in turns for %s", CLIENTS, Numbers.seconds(duration));
        LoadScenarios.Workload mix = LoadScenarios.sdk("warm-up", key, client -> mixOf(client, queries));
        LatencyStats stats = LoadScenarios.level(server, mix, CLIENTS, Duration.ZERO, duration).stats();
        Progress.say("warm-up: %d calls", stats.calls());
        if (stats.errors() > 0) {
            throw new IllegalStateException(stats.errors() + " calls failed while warming the server up; see its log");
        }
    }

    private static Call mixOf(McpSyncClient client, List<SalesQuery> queries) {
        List<Call> calls = new ArrayList<>(List.of(ToolCalls.utcDate(client), ToolCalls.cachedSearch(client),
                ToolCalls.coldSearch(client)));
        for (SalesQuery query : queries) {
            if (QUERIES.contains(query.id())) {
                calls.add(ToolCalls.sql(client, query.sql()));
            }
        }
        AtomicInteger next = new AtomicInteger();
        return () -> calls.get(Math.floorMod(next.getAndIncrement(), calls.size())).run();
    }
}
