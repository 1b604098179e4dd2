package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The stateless HTTP mode (for replicas behind a load balancer) serves the same tools. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zava.http.session-mode=stateless", "zava.security.mode=trusted-header"})
class StatelessHttpTransportIT extends SeededServerTest {

    @Test
    void listsAndCallsToolsWithoutSessions() {
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.ONLINE))) {
            assertThat(client.listTools().tools()).hasSize(4);
            McpSchema.CallToolResult result = McpClients.call(client, "execute_sales_query",
                    Map.of("postgresql_query", "SELECT DISTINCT s.store_name FROM retail.orders o "
                            + "JOIN retail.stores s ON s.store_id = o.store_id"));
            assertThat(McpClients.text(result)).contains("Zava Retail Online").doesNotContain("Seattle");
            assertThat(McpClients.call(client, "get_current_utc_date", Map.of()).isError()).isFalse();
        }
    }
}
