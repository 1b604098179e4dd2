package com.zava.retail.adapters.mcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zava.retail.application.port.in.SearchProductsCommand;
import com.zava.retail.application.port.out.ToolCallRecord;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.RejectedException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import com.zava.retail.domain.RateLimitedException;
import org.junit.jupiter.api.Test;

class McpSalesToolsTest {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private final List<Object> seen = new ArrayList<>();
    private final List<ToolCallRecord> records = new ArrayList<>();
    private boolean admitted = true;

    private final McpSalesTools tools = new McpSalesTools(new RetailUseCases(
            (caller, names) -> List.of(),
            (caller, sql) -> {
                seen.add(caller);
                if (sql.contains("boom")) {
                    throw new IllegalStateException("driver exploded");
                }
                if (sql.contains("DROP")) {
                    throw new RejectedException("Only read-only queries are allowed.");
                }
                return new QueryResult(List.of("store", "revenue"),
                        List.of(List.of("Zava Retail Seattle", new BigDecimal("12.50"))), Optional.of("row cap reached"));
            },
            command -> {
                seen.add(command);
                return QueryResult.complete(List.of("sku"), List.of());
            },
            () -> Instant.parse("2026-11-27T10:15:30Z"),
            caller -> {
                if (!this.admitted) {
                    throw new RateLimitedException("Too many tool calls; try again in 3 s.", Duration.ofSeconds(3));
                }
            }),
            records::add, ToolCallTelemetry.none());

    @Test
    void aCallOverTheRateLimitIsARefusedAndAuditedResultAndRunsNothing() {
        admitted = false;
        CallToolResult result = tools.call("execute_sales_query", Map.of("postgresql_query", "SELECT 1"), SEATTLE, "test");
        assertThat(result.isError()).isTrue();
        assertThat(((McpSchema.TextContent) result.content().get(0)).text())
                .contains("Too many tool calls; try again in 3 s.").contains("\"code\":\"RATE_LIMITED\"");
        assertThat(seen).isEmpty();
        assertThat(records).singleElement().satisfies(r -> assertThat(r.errorCode()).contains("RATE_LIMITED"));
    }

    @Test
    void rowsComeBackInTheOriginalCompactShapeWithATruncationFlag() {
        CallToolResult result = tools.call("execute_sales_query", Map.of("postgresql_query", "SELECT 1"), SEATTLE, "test");
        assertThat(result.isError()).isFalse();
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo(
                "{\"c\":[\"store\",\"revenue\"],\"r\":[[\"Zava Retail Seattle\",12.50]],\"n\":1,"
                        + "\"truncated\":true,\"truncation\":\"row cap reached\"}");
        assertThat(seen).containsExactly(SEATTLE);
    }

    @Test
    void domainErrorsAreToolResultsWithTheQuery() {
        CallToolResult result = tools.call("execute_sales_query", Map.of("postgresql_query", "DROP TABLE x"), SEATTLE, "test");
        assertThat(result.isError()).isTrue();
        assertThat(((McpSchema.TextContent) result.content().get(0)).text())
                .isEqualTo("{\"err\":\"Only read-only queries are allowed.\",\"code\":\"REJECTED\",\"q\":\"DROP TABLE x\"}");
    }

    @Test
    void unexpectedFailuresAreJsonRpcErrorsWithAReferenceAndNoInternals() {
        assertThatThrownBy(() -> tools.call("execute_sales_query", Map.of("postgresql_query", "boom"), SEATTLE, "test"))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("reference")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("driver exploded"));
    }

    @Test
    void searchArgumentsGetDefaultsAndClearErrors() {
        tools.call("semantic_search_products", Map.of("query_description", "hammer"), SEATTLE, "test");
        SearchProductsCommand command = (SearchProductsCommand) seen.get(0);
        assertThat(command.maxRows().value()).isEqualTo(20);
        assertThat(command.threshold().percent()).isEqualTo(30.0);
        assertThat(text(tools.call("semantic_search_products", Map.of("query_description", "hammer", "max_rows", 2.5),
                SEATTLE, "test"))).contains("max_rows must be a whole number");
        assertThat(text(tools.call("semantic_search_products", Map.of("query_description", " "), SEATTLE, "test")))
                .contains("query_description is empty");
        assertThat(text(tools.call("get_multiple_table_schemas", Map.of("table_names", "orders"), SEATTLE, "test")))
                .contains("table_names must be a list");
    }

    @Test
    void theCallerComesFromTheTransportNeverFromArguments() {
        CallerResolver http = CallerResolver.fromTransportContext();
        assertThatThrownBy(() -> http.callerOf(io.modelcontextprotocol.common.McpTransportContext.EMPTY))
                .isInstanceOf(IllegalStateException.class);
        tools.call("execute_sales_query", Map.of("postgresql_query", "SELECT 1", "manager_id",
                "00000000-0000-0000-0000-000000000000"), SEATTLE, "test");
        assertThat(seen).containsExactly(SEATTLE);
    }

    @Test
    void everyCallIsAuditedWithFingerprintRowsAndOutcome() {
        tools.call("execute_sales_query", Map.of("postgresql_query", "SELECT 1"), SEATTLE, "http");
        tools.call("execute_sales_query", Map.of("postgresql_query", "DROP TABLE x"), SEATTLE, "http");
        catchThrowable(() -> tools.call("execute_sales_query", Map.of("postgresql_query", "boom"), SEATTLE, "stdio"));
        tools.call("get_current_utc_date", Map.of(), SEATTLE, "stdio");
        assertThat(records).hasSize(4);
        assertThat(records.get(0).errorCode()).isEmpty();
        assertThat(records.get(0).rows()).isEqualTo(1);
        assertThat(records.get(0).fingerprint()).contains(com.zava.retail.domain.SqlFingerprint.of("SELECT 1"));
        assertThat(records.get(0).transport()).isEqualTo("http");
        assertThat(records.get(1).errorCode()).contains("REJECTED");
        assertThat(records.get(2).errorCode()).contains("INTERNAL");
        assertThat(records.get(3).statement()).isEmpty();
        assertThat(records).allSatisfy(r -> assertThat(r.manager()).isEqualTo(SEATTLE));
    }

    @Test
    void theDateIsIso8601Utc() {
        assertThat(text(tools.call("get_current_utc_date", Map.of(), SEATTLE, "test"))).isEqualTo("2026-11-27T10:15:30Z");
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
