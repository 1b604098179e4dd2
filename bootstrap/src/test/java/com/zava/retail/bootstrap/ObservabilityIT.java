package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/** After a few tool calls, {@code /actuator/prometheus} shows every metric the operators' dashboards use. */
// Spring Boot switches metric export and tracing off in tests; this test is about them.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zava.security.mode=trusted-header",
        "zava.rate-limit.tool-calls.burst=3",
        "zava.rate-limit.tool-calls.per-minute=1"})
@org.springframework.context.annotation.Import(ObservabilityIT.CollectedSpans.class)
class ObservabilityIT extends SeededServerTest {

    /** Spans as an OTLP collector would receive them, kept in memory. */
    static class CollectedSpans implements io.opentelemetry.sdk.trace.export.SpanExporter {

        final List<io.opentelemetry.sdk.trace.data.SpanData> spans = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode export(
                java.util.Collection<io.opentelemetry.sdk.trace.data.SpanData> batch) {
            spans.addAll(batch);
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode flush() {
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private CollectedSpans collected;

    @org.springframework.beans.factory.annotation.Autowired
    private io.opentelemetry.sdk.trace.SdkTracerProvider tracerProvider;

    @Test
    void aTraceShowsTheToolCallItsUseCaseAndTheDatabaseWithoutTheStatement() {
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.HEAD_OFFICE))) {
            McpClients.call(client, "execute_sales_query",
                    Map.of("postgresql_query", "SELECT count(*) AS secret_marker FROM retail.orders"));
        }
        tracerProvider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
        var call = collected.spans.stream().filter(s -> s.getName().equals("tool execute_sales_query")
                && s.getAttributes().toString().contains(SeededDatabase.HEAD_OFFICE)).findFirst().orElseThrow();
        var useCase = collected.spans.stream().filter(s -> s.getParentSpanId().equals(call.getSpanId())
                && s.getAttributes().toString().contains("use.case=\"RunSalesQueryUseCase\"")).findFirst().orElseThrow();
        assertThat(collected.spans).as("database spans under the use case")
                .anySatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(useCase.getSpanId()));
        assertThat(collected.spans).allSatisfy(s -> assertThat(s.getAttributes().toString())
                .doesNotContain("secret_marker"));
    }

    @Test
    void prometheusShowsToolCallsDatabaseCachesLimitsAuthenticationAndBreakers() throws Exception {
        try (McpSyncClient seattle = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.SEATTLE));
             McpSyncClient redmond = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.REDMOND))) {
            McpClients.call(seattle, "execute_sales_query", Map.of("postgresql_query", "SELECT count(*) FROM retail.orders"));
            McpClients.call(seattle, "execute_sales_query", Map.of("postgresql_query", "DELETE FROM retail.orders"));
            McpClients.call(seattle, "get_multiple_table_schemas", Map.of("table_names", List.of("retail.stores")));
            for (int i = 0; i < 4; i++) {
                McpClients.call(redmond, "get_current_utc_date", Map.of());
            }
        }
        HttpResponse<String> refused = McpClients.post(port, "{}", Map.of());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Request-Id")).as("every response names its request").isPresent();

        HttpResponse<String> scrape = McpClients.get(port, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        List<String> lines = scrape.body().lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("zava_tool_call_seconds_count{")
                        .contains("outcome=\"ok\"").contains("tool=\"execute_sales_query\""))
                .anySatisfy(l -> assertThat(l).startsWith("zava_tool_call_seconds_count{")
                        .contains("outcome=\"REJECTED\""))
                .anySatisfy(l -> assertThat(l).startsWith("zava_tool_call_seconds_count{")
                        .contains("outcome=\"RATE_LIMITED\"").contains("tool=\"get_current_utc_date\""))
                .anySatisfy(l -> assertThat(l).startsWith("zava_tool_call_seconds_bucket{"))
                .anySatisfy(l -> assertThat(l).startsWith("zava_tool_calls_by_manager_total{")
                        .contains("manager=\"" + SeededDatabase.SEATTLE + "\""))
                .anySatisfy(l -> assertThat(l).startsWith("jdbc_query_seconds_count{"))
                .anySatisfy(l -> assertThat(l).startsWith("hikaricp_connections_active{"))
                .anySatisfy(l -> assertThat(l).startsWith("zava_cache_gets_total{").contains("cache=\"schema\""))
                .anySatisfy(l -> assertThat(l).startsWith("zava_ratelimit_rejections_total{")
                        .contains("limit=\"tool-calls\""))
                .anySatisfy(l -> assertThat(l).startsWith("zava_auth_failures_total{"))
                .anySatisfy(l -> assertThat(l).startsWith("zava_auth_attempts_total{"))
                .anySatisfy(l -> assertThat(l).startsWith("resilience4j_circuitbreaker_state{")
                        .contains("name=\"database\""))
                .anySatisfy(l -> assertThat(l).startsWith("resilience4j_circuitbreaker_state{")
                        .contains("name=\"redis\""));
        assertThat(scrape.body()).as("statements never become metric labels").doesNotContain("DELETE FROM");
    }
}
