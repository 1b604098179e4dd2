package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.testsupport.PostgresTestDatabase;
import com.zava.retail.testsupport.TestServices;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL becomes unreachable under a running server (a proxy between them is cut): each call
 * fails within a second with a message a model can act on, readiness goes DOWN, and once the path
 * is back the server serves again within five seconds, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zava.security.mode=trusted-header")
class DatabaseOutageIT {

    private static final String QUERY = "SELECT count(*) AS orders FROM retail.orders";
    private static TcpProxy proxy;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void seed() {
        SeededDatabase.seedSmall();
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
        SeededDatabase.register(registry);
        PostgresTestDatabase database = TestServices.postgres();
        URI target = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath());
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void callsFailFastWhileTheDatabaseIsAwayAndSucceedSoonAfterItReturns() throws Exception {
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.SEATTLE))) {
            assertThat(McpClients.call(client, "execute_sales_query", Map.of("postgresql_query", QUERY)).isError())
                    .isFalse();

            proxy.cut();
            long slowest = 0;
            for (int i = 0; i < 8; i++) {
                long start = System.nanoTime();
                McpSchema.CallToolResult result = McpClients.call(client, "execute_sales_query",
                        Map.of("postgresql_query", QUERY));
                long took = System.nanoTime() - start;
                slowest = Math.max(slowest, took);
                assertThat(result.isError()).isTrue();
                assertThat(McpClients.text(result)).contains("\"code\":\"UNAVAILABLE\"").contains("database is");
                assertThat(TimeUnit.NANOSECONDS.toMillis(took)).as("call %d took", i + 1).isLessThan(1_000);
            }
            McpSchema.CallToolResult schemas = McpClients.call(client, "get_multiple_table_schemas",
                    Map.of("table_names", java.util.List.of("retail.inventory")));
            assertThat(schemas.isError()).isTrue();
            assertThat(McpClients.call(client, "get_current_utc_date", Map.of()).isError())
                    .as("a tool that needs no database keeps working").isFalse();
            assertThat(McpClients.get(port, "/ready").statusCode()).isEqualTo(503);
            assertThat(McpClients.get(port, "/health").statusCode()).as("the process itself is alive").isEqualTo(200);
            System.out.printf("[database outage] slowest failing call: %d ms%n", TimeUnit.NANOSECONDS.toMillis(slowest));

            proxy.open();
            long back = System.nanoTime();
            boolean served = false;
            while (!served && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(10)) {
                served = !McpClients.call(client, "execute_sales_query", Map.of("postgresql_query", QUERY)).isError();
                if (!served) {
                    Thread.sleep(100);
                }
            }
            long recovery = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
            System.out.printf("[database outage] served again %d ms after the database returned%n", recovery);
            assertThat(served).isTrue();
            assertThat(recovery).isLessThan(5_000);
            assertThat(McpClients.get(port, "/ready").statusCode()).isEqualTo(200);
        }
    }
}
