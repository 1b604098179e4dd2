package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The tool calls the scenarios time, as {@link Call}s, and the checks made before timing them. */
final class ToolCalls {

    static final String SEARCH_PHRASE = "cordless drill with a spare battery for deck screws";

    private ToolCalls() {
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    static boolean ok(McpSchema.CallToolResult result) {
        return !Boolean.TRUE.equals(result.isError());
    }

    static Call sql(McpSyncClient client, String sql) {
        Map<String, Object> arguments = Map.of("postgresql_query", sql);
        return () -> ok(call(client, "execute_sales_query", arguments));
    }

    static Call utcDate(McpSyncClient client) {
        return () -> ok(call(client, "get_current_utc_date", Map.of()));
    }

    /** The same phrase every time: after the first call its embedding comes from the cache. */
    static Call cachedSearch(McpSyncClient client) {
        Map<String, Object> arguments = Map.of("query_description", SEARCH_PHRASE);
        return () -> ok(call(client, "semantic_search_products", arguments));
    }

    /**
     * A phrase never searched before: the run's random token and a counter make every call's text
     * new, so the embedding is computed each time and no cache anywhere can answer it.
     */
    static Call coldSearch(McpSyncClient client) {
        Supplier<String> phrases = newPhrases();
        return () -> ok(call(client, "semantic_search_products", Map.of("query_description", phrases.get())));
    }

    /** Phrases never searched before: the run's random token and a counter make each one new. */
    static Supplier<String> newPhrases() {
        String run = Long.toString(System.nanoTime() ^ Double.doubleToLongBits(Math.random()), 36);
        AtomicLong counter = new AtomicLong();
        return () -> SEARCH_PHRASE + " batch " + run + " number " + counter.incrementAndGet();
    }

    /**
     * Runs {@code query} once and fails loudly when the server refuses it (its SQL guard, a typo) or
     * returns another number of rows than raw JDBC did: a benchmark of an error message is worthless.
     */
    static void checkAccepted(McpSyncClient client, SalesQuery query, int rawRows, String transport) {
        McpSchema.CallToolResult result = call(client, "execute_sales_query", Map.of("postgresql_query", query.sql()));
        if (!ok(result)) {
            throw new IllegalStateException("The server (" + transport + ") refused query " + query.id() + ": "
                    + text(result) + "\nSQL: " + query.sql());
        }
        long rows = rowCount(result);
        if (rows != rawRows) {
            throw new IllegalStateException("Query " + query.id() + " returned " + rows + " rows over " + transport
                    + " but " + rawRows + " over raw JDBC");
        }
    }

    /** Fails loudly when a tool that is not a query answers with an error. */
    static McpSchema.CallToolResult checkOk(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        if (!ok(result)) {
            throw new IllegalStateException(tool + " failed: " + text(result));
        }
        return result;
    }

    static long rowCount(McpSchema.CallToolResult result) {
        if (result.structuredContent() instanceof Map<?, ?> content && content.get("n") instanceof Number n) {
            return n.longValue();
        }
        return -1;
    }

    static String text(McpSchema.CallToolResult result) {
        List<McpSchema.Content> content = result.content();
        if (content != null && !content.isEmpty() && content.get(0) instanceof McpSchema.TextContent text) {
            return text.text();
        }
        return String.valueOf(result.structuredContent());
    }
}
