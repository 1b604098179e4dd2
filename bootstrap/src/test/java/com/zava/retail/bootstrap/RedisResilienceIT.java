package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.testsupport.DisposableRedis;
import com.zava.retail.testsupport.PostgresTestDatabase;
import com.zava.retail.testsupport.TestServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tool-call rate limit over MCP, shared by two running servers through a Redis of the test's
 * own, and what the server does when that Redis stops: it keeps serving, limits per replica,
 * stays ready, and says in its health that Redis is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisResilienceIT {

    private static DisposableRedis redis;

    @org.springframework.boot.test.web.server.LocalServerPort
    private int port;

    @org.junit.jupiter.api.BeforeAll
    static void seed() {
        SeededDatabase.seedSmall();
    }

    @Autowired
    private MeterRegistry meters;

    /** The same settings for this server and for the second one a test starts beside it. */
    private static Map<String, Object> settings() {
        PostgresTestDatabase db = TestServices.postgres();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.data.redis.url", redis.url());
        settings.put("zava.security.mode", "trusted-header");
        // Three calls, and then one a minute: no token comes back while the test runs.
        settings.put("zava.rate-limit.tool-calls.burst", "3");
        settings.put("zava.rate-limit.tool-calls.per-minute", "1");
        settings.put("management.endpoint.health.show-components", "always");
        return settings;
    }

    /** The test database, and this test's own Redis instead of the shared test Redis. */
    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        if (redis == null) {
            redis = DisposableRedis.start();
        }
        SeededDatabase.register(registry);
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private McpSchema.CallToolResult date(McpSyncClient client) {
        return McpClients.call(client, "get_current_utc_date", Map.of());
    }

    @Test
    @Order(1)
    void aManagerOverTheLimitGetsAClearRefusalAndItIsCounted() {
        double before = rejections();
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.REDMOND))) {
            for (int i = 0; i < 3; i++) {
                assertThat(date(client).isError()).as("call %d", i + 1).isFalse();
            }
            McpSchema.CallToolResult refused = date(client);
            assertThat(refused.isError()).isTrue();
            assertThat(McpClients.text(refused)).contains("\"code\":\"RATE_LIMITED\"")
                    .contains("1 calls per minute, with bursts of up to 3").contains("Try again in");
        }
        try (McpSyncClient other = McpClients.http(port, Map.of("x-rls-user-id", SeededDatabase.SEATTLE))) {
            assertThat(date(other).isError()).as("another manager has their own allowance").isFalse();
        }
        assertThat(rejections() - before).isEqualTo(1);
    }

    @Test
    @Order(2)
    void twoServersShareOneLimitThroughRedis() {
        Map<String, Object> second = new LinkedHashMap<>(settings());
        PostgresTestDatabase db = TestServices.postgres();
        second.put("spring.datasource.url", db.jdbcUrl());
        second.put("spring.datasource.username", db.app().user());
        second.put("spring.datasource.password", db.app().password());
        second.put("spring.flyway.user", db.owner().user());
        second.put("spring.flyway.password", db.owner().password());
        second.put("zava.database.app-role", db.app().user());
        second.put("server.port", "0");
        // As arguments: they outrank application.yml, as the test's own properties do.
        String[] arguments = second.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(ZavaRetailMcpApplication.class)
                .run(arguments)) {
            int replicaPort = ((WebServerApplicationContext) replica).getWebServer().getPort();
            Map<String, String> online = Map.of("x-rls-user-id", SeededDatabase.ONLINE);
            try (McpSyncClient a = McpClients.http(port, online); McpSyncClient b = McpClients.http(replicaPort, online)) {
                assertThat(date(a).isError()).isFalse();
                assertThat(date(b).isError()).isFalse();
                assertThat(date(a).isError()).isFalse();
                assertThat(date(b).isError()).as("the fourth call, whichever replica gets it").isTrue();
                assertThat(date(a).isError()).isTrue();
            }
        }
    }

    @Test
    @Order(3)
    void withRedisStoppedToolsKeepWorkingLimitsHoldPerReplicaAndReadinessStaysUp() throws Exception {
        String manager = SeededDatabase.ALL_MANAGERS.get(2);
        redis.stop();
        try (McpSyncClient client = McpClients.http(port, Map.of("x-rls-user-id", manager))) {
            assertThat(McpClients.call(client, "get_multiple_table_schemas",
                    Map.of("table_names", List.of("retail.stores"))).isError()).isFalse();
            assertThat(McpClients.call(client, "execute_sales_query",
                    Map.of("postgresql_query", "SELECT count(*) FROM retail.orders")).isError()).isFalse();
            assertThat(date(client).isError()).isFalse();
            assertThat(date(client).isError()).as("the per-replica limit stands in").isTrue();
            assertThat(McpClients.get(port, "/ready").statusCode()).isEqualTo(200);
            var health = McpClients.get(port, "/actuator/health");
            assertThat(health.body()).contains("\"redis\":{\"status\":\"DOWN\"");
        } finally {
            redis.resume();
        }
    }

    private double rejections() {
        var counter = meters.find("zava.ratelimit.rejections").tag("limit", "tool-calls").counter();
        return counter == null ? 0 : counter.count();
    }
}
