package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zava.retail.testsupport.PostgresTestDatabase;
import com.zava.retail.testsupport.TestServices;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started with the Dockerfile's own ENTRYPOINT, CMD and ENV (read from
 * docker/Dockerfile) plus the connection settings a deployment adds: it serves, its logs are one
 * JSON object per line with the correlation id, manager, tool and trace id of each call, and no
 * secret of its configuration ever appears in them, not even one that a failing exporter uses.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "zava-retail-mcp.jar");
    private static final Path DOCKERFILE = Path.of("..", "docker", "Dockerfile");
    private static final Pattern KEY = Pattern.compile("zava_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private static final String TRACE_CANARY = "zava-canary-trace-token-7f3a9c";
    private static final String EMBEDDING_CANARY = "sk-zava-canary-embedding-key-51d2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PostgresTestDatabase database;
    private static String apiKey;

    @BeforeAll
    static void seedAndCreateAKey() {
        database = SeededDatabase.seedSmall();
        CommandLineRun run = CommandLineRun.of(database, "keys", "create", "--manager", SeededDatabase.SEATTLE,
                "--label", "packaged jar test");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher matcher = KEY.matcher(run.out());
        assertThat(matcher.find()).isTrue();
        apiKey = matcher.group();
    }

    @Test
    void servesWithTheImagesEntrypointAndLogsJsonWithoutSecrets() throws Exception {
        assertThat(JAR).as("the packaged jar (run through 'mvn verify')").exists();
        Dockerfile image = Dockerfile.read(DOCKERFILE);
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>(image.environment());
        // What a deployment adds (compose, Kubernetes and Container Apps set the same names).
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", database.app().user());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.app().password());
        environment.put("SPRING_FLYWAY_USER", database.owner().user());
        environment.put("SPRING_FLYWAY_PASSWORD", database.owner().password());
        environment.put("ZAVA_DATABASE_APP_ROLE", database.app().user());
        environment.put("SPRING_DATA_REDIS_URL", TestServices.redis().url());
        // Secret-looking settings: one used on every export attempt (to a collector that is not
        // there, so the exporter logs failures), one never used.
        environment.put("MANAGEMENT_OTLP_TRACING_ENDPOINT", "http://127.0.0.1:" + freePort() + "/v1/traces");
        environment.put("MANAGEMENT_OTLP_TRACING_HEADERS_AUTHORIZATION", "Bearer " + TRACE_CANARY);
        environment.put("ZAVA_EMBEDDINGS_OPENAI_API_KEY", EMBEDDING_CANARY);
        // The image listens on 8000; here a free port, since a developer's server may hold 8000.
        environment.put("SERVER_PORT", Integer.toString(port));

        List<String> command = new ArrayList<>(image.entrypoint());
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.set(command.indexOf("/app/zava-retail-mcp.jar"), JAR.toAbsolutePath().toString());
        command.addAll(image.cmd());
        Path stderr = Files.createTempFile("zava-packaged", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().retainAll(List.of("PATH"));
        builder.environment().putAll(environment);
        Process server = builder.start();
        try {
            awaitReady(server, port, stderr);
            try (McpSyncClient client = McpClients.http(port, Map.of("Authorization", "Bearer " + apiKey))) {
                assertThat(McpClients.call(client, "execute_sales_query",
                        Map.of("postgresql_query", "SELECT count(*) FROM retail.orders")).isError()).isFalse();
            }
            HttpResponse<String> refused = McpClients.post(port, "{}", Map.of("X-Request-Id", "gateway-req-42"));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-Request-Id")).contains("gateway-req-42");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }

        List<String> lines = Files.readAllLines(stderr).stream().filter(line -> !line.isBlank()).toList();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS")) {
                continue; // the JVM's own notice that it read the image's JVM options
            }
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as("a JSON log line: %s", line).isTrue();
            events.add(event);
        }
        assertThat(events).as("log events").hasSizeGreaterThan(10)
                .allSatisfy(e -> assertThat(e.has("@timestamp") && e.has("level") && e.has("message")).isTrue());
        assertThat(events).filteredOn(e -> e.path("message").asText().startsWith("tool call tool=execute_sales_query"))
                .singleElement().satisfies(call -> {
                    assertThat(call.path("managerId").asText()).isEqualTo(SeededDatabase.SEATTLE);
                    assertThat(call.path("tool").asText()).isEqualTo("execute_sales_query");
                    assertThat(call.path("correlationId").asText()).isNotBlank();
                    assertThat(call.path("traceId").asText()).as("the call's trace").hasSize(32);
                    assertThat(call.path("message").asText()).contains("outcome=ok").contains("durationMs=")
                            .contains("statement=").doesNotContain("retail.orders");
                });
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain(TRACE_CANARY).doesNotContain(EMBEDDING_CANARY)
                .doesNotContain(apiKey).doesNotContain(apiKey.substring(18))
                .doesNotContain(database.app().password()).doesNotContain(database.owner().password());
    }

    private static void awaitReady(Process server, int port, Path stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server exited early:\n%s", Files.readString(stderr)).isTrue();
            try {
                if (McpClients.get(port, "/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within 180 s:\n" + Files.readString(stderr));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The runtime stage of the Dockerfile: what the image runs and with which environment. */
    record Dockerfile(List<String> entrypoint, List<String> cmd, Map<String, String> environment) {

        private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|\\S+)");

        static Dockerfile read(Path file) throws IOException {
            String text = Files.readString(file).replaceAll("\\\\\\r?\\n", " ");
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            int runtime = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("FROM ")) {
                    runtime = i;
                }
            }
            List<String> entrypoint = List.of();
            List<String> cmd = List.of();
            Map<String, String> environment = new LinkedHashMap<>();
            for (String line : lines.subList(runtime, lines.size())) {
                if (line.startsWith("ENTRYPOINT ")) {
                    entrypoint = List.of(JSON.readValue(line.substring(11), String[].class));
                } else if (line.startsWith("CMD ")) {
                    cmd = List.of(JSON.readValue(line.substring(4), String[].class));
                } else if (line.startsWith("ENV ")) {
                    Matcher m = ASSIGNMENT.matcher(line.substring(4));
                    while (m.find()) {
                        environment.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
                    }
                }
            }
            assertThat(entrypoint).as("ENTRYPOINT of %s", file).contains("/app/zava-retail-mcp.jar");
            return new Dockerfile(entrypoint, cmd, environment);
        }
    }
}
