package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;

/** The four tools over Streamable HTTP with the MCP Java SDK client, as each manager. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zava.security.mode=trusted-header")
class HttpTransportIT extends SeededServerTest {

    @Test
    void listsTheFourToolsWithSchemasAndReadOnlyAnnotations() {
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.SEATTLE))) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
            assertThat(init.serverInfo().name()).isEqualTo("zava-retail-mcp");
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("get_multiple_table_schemas",
                    "execute_sales_query", "semantic_search_products", "get_current_utc_date");
            assertThat(tools).allSatisfy(tool -> {
                assertThat(tool.inputSchema()).containsEntry("type", "object");
                assertThat(tool.outputSchema()).containsEntry("type", "object");
                assertThat(tool.annotations().readOnlyHint()).isTrue();
                assertThat(tool.annotations().openWorldHint()).isFalse();
                assertThat(tool.description()).isNotBlank();
            });
        }
    }

    @Test
    void callsEachTool() {
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.SEATTLE))) {
            McpSchema.CallToolResult date = McpClients.call(client, "get_current_utc_date", Map.of());
            assertThat(date.isError()).isFalse();
            assertThat(McpClients.text(date)).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

            McpSchema.CallToolResult schemas = McpClients.call(client, "get_multiple_table_schemas",
                    Map.of("table_names", List.of("retail.orders", "stores")));
            assertThat(schemas.isError()).isFalse();
            assertThat(McpClients.text(schemas)).contains("\"table\":\"retail.orders\"", "order_date", "outgoing",
                    "retail.customers(customer_id)", "Zava Retail Seattle", "years_with_orders");
            // Valid values are the caller's view: among stores with orders, Seattle sees only itself.
            assertThat(McpClients.text(schemas)).contains("\"store_name\":[\"Zava Retail Seattle\"]");

            McpSchema.CallToolResult query = McpClients.call(client, "execute_sales_query",
                    Map.of("postgresql_query", "SELECT count(*) AS orders FROM retail.orders"));
            assertThat(query.isError()).isFalse();
            assertThat(McpClients.text(query)).startsWith("{\"c\":[\"orders\"],\"r\":[[").endsWith("\"n\":1}");
            assertThat(query.structuredContent()).isInstanceOf(Map.class);

            McpSchema.CallToolResult search = McpClients.call(client, "semantic_search_products",
                    Map.of("query_description", "15 amp circuit breaker", "max_rows", 3));
            assertThat(search.isError()).isFalse();
            assertThat(McpClients.text(search)).contains("\"sp\"").contains("Breaker");
        }
    }

    static List<String> managers() {
        return SeededDatabase.ALL_MANAGERS;
    }

    @ParameterizedTest
    @MethodSource("managers")
    void everyManagerSeesThroughTheToolExactlyWhatTheDatabaseShowsThem(String managerId) throws Exception {
        String sql = "SELECT count(*), count(DISTINCT store_id) FROM retail.orders";
        List<List<Object>> direct = SeededDatabase.query(database, managerId, sql);
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", managerId))) {
            McpSchema.CallToolResult result = McpClients.call(client, "execute_sales_query", Map.of("postgresql_query", sql));
            assertThat(result.isError()).isFalse();
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) result.structuredContent()).get("r");
            long expectedOrders = ((Number) direct.get(0).get(0)).longValue();
            long expectedStores = ((Number) direct.get(0).get(1)).longValue();
            assertThat(((Number) rows.get(0).get(0)).longValue()).isEqualTo(expectedOrders).isPositive();
            assertThat(((Number) rows.get(0).get(1)).longValue()).isEqualTo(expectedStores)
                    .isEqualTo(managerId.equals(SeededDatabase.HEAD_OFFICE) ? 8 : 1);
        }
    }

    @Test
    void everyToolCallLeavesExactlyOneAuditRecord() throws Exception {
        long before = auditRows();
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.REDMOND))) {
            for (int i = 0; i < 1_000; i++) {
                McpClients.call(client, "get_current_utc_date", Map.of());
            }
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (auditRows() < before + 1_000 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(auditRows()).isEqualTo(before + 1_000);
    }

    private static long auditRows() throws java.sql.SQLException {
        try (java.sql.Connection connection = database.ownerDataSource().getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery(
                     "SELECT count(*) FROM audit.tool_calls WHERE tool = 'get_current_utc_date' AND transport = 'http'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aWellFormedUnknownManagerSeesNoStoreRows() {
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", "11111111-2222-3333-4444-555555555555"))) {
            McpSchema.CallToolResult result = McpClients.call(client, "execute_sales_query",
                    Map.of("postgresql_query", "SELECT count(*) FROM retail.orders"));
            assertThat(McpClients.text(result)).contains("\"r\":[[0]]");
        }
    }

    @Test
    void aBurstOfTwentyConcurrentQueriesAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<McpSchema.CallToolResult>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String manager = SeededDatabase.ALL_MANAGERS.get(i % SeededDatabase.ALL_MANAGERS.size());
                calls.add(() -> {
                    try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", manager))) {
                        return McpClients.call(client, "execute_sales_query", Map.of("postgresql_query",
                                "SELECT s.store_name, sum(oi.total_amount) FROM retail.order_items oi "
                                        + "JOIN retail.stores s ON s.store_id = oi.store_id GROUP BY s.store_name"));
                    }
                });
            }
            for (Future<McpSchema.CallToolResult> future : pool.invokeAll(calls)) {
                assertThat(future.get().isError()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void domainErrorsAreToolResultsAModelCanActOn() {
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.SEATTLE))) {
            McpSchema.CallToolResult unknownTable = McpClients.call(client, "get_multiple_table_schemas",
                    Map.of("table_names", List.of("retail.order")));
            assertThat(unknownTable.isError()).isTrue();
            assertThat(McpClients.text(unknownTable)).contains("Unknown table 'retail.order'", "retail.orders");
            McpSchema.CallToolResult empty = McpClients.call(client, "get_multiple_table_schemas",
                    Map.of("table_names", List.of()));
            assertThat(empty.isError()).isTrue();
            assertThat(McpClients.text(empty)).contains("retail.order_items");
            McpSchema.CallToolResult write = McpClients.call(client, "execute_sales_query",
                    Map.of("postgresql_query", "DELETE FROM retail.orders"));
            assertThat(write.isError()).isTrue();
            assertThat(McpClients.text(write)).contains("read-only", "\"q\":\"DELETE FROM retail.orders\"");
            McpSchema.CallToolResult badColumn = McpClients.call(client, "execute_sales_query",
                    Map.of("postgresql_query", "SELECT no_such_column FROM retail.orders"));
            assertThat(badColumn.isError()).isTrue();
            assertThat(McpClients.text(badColumn)).contains("no_such_column");
            McpSchema.CallToolResult tooMany = McpClients.call(client, "semantic_search_products",
                    Map.of("query_description", "hammer", "max_rows", 500));
            assertThat(tooMany.isError()).isTrue();
            assertThat(McpClients.text(tooMany)).contains("max_rows must be between 1 and 100");
            McpSchema.CallToolResult threshold = McpClients.call(client, "semantic_search_products",
                    Map.of("query_description", "hammer", "similarity_threshold", 150));
            assertThat(threshold.isError()).isTrue();
            assertThat(McpClients.text(threshold)).contains("similarity_threshold must be between 0 and 100");
        }
    }

    @Test
    void largeResultsAreCutAtTheRowCapWithATruncationFlag() {
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.HEAD_OFFICE))) {
            McpSchema.CallToolResult result = McpClients.call(client, "execute_sales_query",
                    Map.of("postgresql_query", "SELECT order_item_id FROM retail.order_items"));
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) result.structuredContent();
            assertThat(content).containsEntry("n", 500).containsEntry("truncated", true);
            assertThat((String) content.get("truncation")).contains("row cap of 500");
        }
    }

    @Test
    void requestsWithoutAValidIdentityGet401AndNoData() throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpResponse<String> missing = post(initialize, Map.of());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(missing.body()).contains("Missing x-rls-user-id").doesNotContain("result");
        HttpResponse<String> malformed = post(initialize, Map.of("x-rls-user-id", "head-office"));
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(malformed.body()).contains("malformed").contains("UUID");
        HttpResponse<String> injected = post(initialize, Map.of("x-rls-user-id", SeededDatabase.SEATTLE + "' OR 1=1 --"));
        assertThat(injected.statusCode()).isEqualTo(401);
    }

    @Test
    void foreignBrowserOriginsAreRefused() throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpResponse<String> evil = post(initialize, Map.of("x-rls-user-id", SeededDatabase.SEATTLE,
                "Origin", "http://evil.example"));
        assertThat(evil.statusCode()).isEqualTo(403);
        HttpResponse<String> local = post(initialize, Map.of("x-rls-user-id", SeededDatabase.SEATTLE,
                "Origin", "http://localhost:3000"));
        assertThat(local.statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedRequestsAreRefused() throws Exception {
        char[] padding = new char[2 * 1024 * 1024];
        Arrays.fill(padding, 'x');
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + new String(padding) + "\"}}";
        assertThat(post(huge, Map.of("x-rls-user-id", SeededDatabase.SEATTLE)).statusCode()).isEqualTo(413);
    }

    @Test
    void oneKeptAliveConnectionCarriesManyCallsAndLosesNone() throws Exception {
        // Tomcat ends a kept-alive connection after its 100th request and says so in that answer;
        // an answer that also said keep-alive made the JDK client send its next call into the
        // closing connection, and that call failed.
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> initialized = McpClients.post(http, port, "{\"jsonrpc\":\"2.0\",\"id\":0,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}", Map.of("x-rls-user-id", SeededDatabase.SEATTLE));
        Map<String, String> session = Map.of("x-rls-user-id", SeededDatabase.SEATTLE,
                "Mcp-Session-Id", initialized.headers().firstValue("Mcp-Session-Id").orElseThrow(),
                "MCP-Protocol-Version", "2025-11-25");
        for (int call = 1; call <= 250; call++) {
            HttpResponse<String> answer = McpClients.post(http, port, "{\"jsonrpc\":\"2.0\",\"id\":" + call
                    + ",\"method\":\"tools/call\",\"params\":{\"name\":\"get_current_utc_date\",\"arguments\":{}}}",
                    session);
            assertThat(answer.statusCode()).as("call %d", call).isEqualTo(200);
            assertThat(answer.body()).as("call %d", call).contains("\"isError\":false");
            assertThat(answer.headers().allValues("Connection")).as("call %d", call).hasSizeLessThanOrEqualTo(1);
        }
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        return McpClients.post(port, body, headers);
    }
}
