package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    static final String SEARCH_COLD_LEAN = "semantic_search_products (uncached), lean HTTP client";
    static final String SEARCH_CACHED_LEAN = "semantic_search_products (cached), lean HTTP client";
    private static final String SEARCH = "semantic_search_products";

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
            ToolCalls.checkOk(client, SEARCH, Map.of("query_description", ToolCalls.SEARCH_PHRASE));
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
     * {@code get_current_utc_date}, and where asked the two searches, through {@link LeanMcpHttpClient}:
     * the same server path with almost no client in the way, so the difference to the SDK client's
     * figure is the client's.
     */
    static List<ScenarioResult> lean(int port, ApiKeys.ApiKey key, Transport transport, boolean withSearch,
            Duration warmup, Duration duration) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        try (LeanMcpHttpClient client = LeanMcpHttpClient.connect(port, key)) {
            results.add(leanScenario(client, transport, UTC_DATE_LEAN, UTC_DATE, () -> "{}", warmup, duration));
            if (withSearch) {
                Supplier<String> newPhrases = ToolCalls.newPhrases();
                results.add(leanScenario(client, transport, SEARCH_COLD_LEAN, SEARCH,
                        () -> searchArguments(newPhrases.get()), warmup, duration));
                String cached = searchArguments(ToolCalls.SEARCH_PHRASE);
                results.add(leanScenario(client, transport, SEARCH_CACHED_LEAN, SEARCH, () -> cached, warmup,
                        duration));
            }
        }
        return results;
    }

    private static ScenarioResult leanScenario(LeanMcpHttpClient client, Transport transport, String scenario,
            String tool, Supplier<String> arguments, Duration warmup, Duration duration) throws Exception {
        if (!client.callTool(tool, arguments.get())) {
            throw new IllegalStateException(tool + " failed through the lean HTTP client (" + transport.label() + ")");
        }
        Progress.say("%s: %s", transport.label(), scenario);
        return new ScenarioResult(scenario, transport,
                TimedLoop.measure(() -> client.callTool(tool, arguments.get()), warmup, duration));
    }

    private static String searchArguments(String phrase) {
        return "{\"query_description\":" + LeanMcpHttpClient.jsonString(phrase) + "}";
    }
}
