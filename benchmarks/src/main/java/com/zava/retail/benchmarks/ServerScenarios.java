package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The single-client scenarios through one server: the query mix via {@code execute_sales_query},
 * {@code get_current_utc_date} (the protocol's cost with no work behind it) and, where asked,
 * {@code semantic_search_products} cold and cached. Every call is checked once before it is timed.
 */
final class ServerScenarios {

    static final String UTC_DATE = "get_current_utc_date";
    static final String UTC_DATE_LEAN = "get_current_utc_date, lean HTTP client";
    static final String SEARCH_COLD = "semantic_search_products (uncached)";
    static final String SEARCH_CACHED = "semantic_search_products (cached)";

    private ServerScenarios() {
    }

    /**
     * @param rawRows rows each query returned over raw JDBC, which the server must match
     */
    static List<ScenarioResult> measure(McpSyncClient client, Transport transport, List<SalesQuery> queries,
            Map<String, Integer> rawRows, boolean withSearch, Duration warmup, Duration duration) {
        List<ScenarioResult> results = new ArrayList<>();
        for (SalesQuery query : queries) {
            ToolCalls.checkAccepted(client, query, rawRows.get(query.id()), transport.label());
            Progress.say("%s: execute_sales_query %s", transport.label(), query.id());
            results.add(new ScenarioResult(query.id(), transport,
                    TimedLoop.measure(ToolCalls.sql(client, query.sql()), warmup, duration)));
        }
        ToolCalls.checkOk(client, UTC_DATE, Map.of());
        Progress.say("%s: %s", transport.label(), UTC_DATE);
        results.add(new ScenarioResult(UTC_DATE, transport,
                TimedLoop.measure(ToolCalls.utcDate(client), warmup, duration)));
        if (withSearch) {
            ToolCalls.checkOk(client, "semantic_search_products", Map.of("query_description", ToolCalls.SEARCH_PHRASE));
            Progress.say("%s: %s", transport.label(), SEARCH_COLD);
            results.add(new ScenarioResult(SEARCH_COLD, transport,
                    TimedLoop.measure(ToolCalls.coldSearch(client), warmup, duration)));
            Progress.say("%s: %s", transport.label(), SEARCH_CACHED);
            results.add(new ScenarioResult(SEARCH_CACHED, transport,
                    TimedLoop.measure(ToolCalls.cachedSearch(client), warmup, duration)));
        }
        return results;
    }

    /**
     * {@code get_current_utc_date} through {@link LeanMcpHttpClient}: the same server path with
     * almost no client in the way, so the difference to the SDK client's figure is the client's.
     */
    static ScenarioResult leanUtcDate(int port, ApiKeys.ApiKey key, Transport transport, Duration warmup,
            Duration duration) throws Exception {
        LeanMcpHttpClient client = LeanMcpHttpClient.connect(port, key);
        if (!client.callTool(UTC_DATE)) {
            throw new IllegalStateException(UTC_DATE + " failed through the lean HTTP client (" + transport.label() + ")");
        }
        Progress.say("%s: %s", transport.label(), UTC_DATE_LEAN);
        return new ScenarioResult(UTC_DATE_LEAN, transport,
                TimedLoop.measure(() -> client.callTool(UTC_DATE), warmup, duration));
    }
}
