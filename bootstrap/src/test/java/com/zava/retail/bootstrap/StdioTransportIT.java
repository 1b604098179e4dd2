package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.testsupport.PostgresTestDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged jar over stdio, driven by the MCP Java SDK client as VS Code would start it. */
class StdioTransportIT {

    private static final Path JAR = Path.of("target", "zava-retail-mcp.jar");
    private static PostgresTestDatabase database;

    @BeforeAll
    static void seed() {
        assertThat(JAR).as("the packaged jar (run through 'mvn verify')").exists();
        database = SeededDatabase.seedSmall();
    }

    @Test
    void servesTheFourToolsAsTheConfiguredManager() throws Exception {
        String sql = "SELECT count(*), count(DISTINCT store_id) FROM retail.orders";
        List<List<Object>> direct = SeededDatabase.query(database, SeededDatabase.REDMOND, sql);
        List<String> stderr = new ArrayList<>();
        StdioClientTransport transport = new StdioClientTransport(server("--manager-id", SeededDatabase.REDMOND),
                McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).build()) {
            long started = System.nanoTime();
            McpSchema.InitializeResult init = client.initialize();
            System.out.printf("stdio: initialize answered %d ms after the client started the process%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(init.serverInfo().name()).isEqualTo("zava-retail-mcp");
            assertThat(client.listTools().tools()).hasSize(4)
                    .allSatisfy(tool -> assertThat(tool.annotations().readOnlyHint()).isTrue());

            McpSchema.CallToolResult query = McpClients.call(client, "execute_sales_query", Map.of("postgresql_query", sql));
            assertThat(query.isError()).isFalse();
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) query.structuredContent()).get("r");
            assertThat(((Number) rows.get(0).get(0)).longValue()).isEqualTo(((Number) direct.get(0).get(0)).longValue());
            assertThat(((Number) rows.get(0).get(1)).longValue()).isEqualTo(1);

            assertThat(McpClients.call(client, "get_current_utc_date", Map.of()).isError()).isFalse();
            assertThat(McpClients.call(client, "get_multiple_table_schemas",
                    Map.of("table_names", List.of("retail.inventory"))).isError()).isFalse();
            McpSchema.CallToolResult search = McpClients.call(client, "semantic_search_products",
                    Map.of("query_description", "containers for paint", "max_rows", 5));
            assertThat(search.isError()).isFalse();
            assertThat(McpClients.text(search)).contains("\"sp\"");
        }
        assertThat(String.join("\n", stderr)).as("logs go to stderr").contains("Started ZavaRetailMcpApplication");
    }

    @Test
    void refusesToStartWithoutAManagerAndSaysHowToFixIt() throws Exception {
        Process process = new ProcessBuilder(command()).redirectErrorStream(false).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(ZavaRetailMcpApplication.USAGE_ERROR);
        assertThat(stdout).isEmpty();
        assertThat(stderr).contains("--manager-id").contains("ZAVA_STDIO_MANAGER_ID");
    }

    private static ServerParameters server(String... extra) throws IOException {
        List<String> command = command(extra);
        return ServerParameters.builder(command.get(0)).args(command.subList(1, command.size()))
                .env(Map.of("ZAVA_STDIO_MANAGER_ID", "")).build();
    }

    private static List<String> command(String... extra) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString(), "serve",
                "--transport", "stdio"));
        command.addAll(List.of(extra));
        command.add("--spring.datasource.url=" + database.jdbcUrl());
        command.add("--spring.datasource.username=" + database.app().user());
        command.add("--spring.datasource.password=" + database.app().password());
        command.add("--spring.flyway.user=" + database.owner().user());
        command.add("--spring.flyway.password=" + database.owner().password());
        command.add("--zava.database.app-role=" + database.app().user());
        return command;
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
