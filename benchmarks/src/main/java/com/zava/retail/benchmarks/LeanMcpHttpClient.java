package com.zava.retail.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The least a Streamable HTTP client can do: one kept-alive HTTP/1.1 connection, a fixed JSON-RPC
 * body, and a success check on the raw answer. Measured next to the MCP Java SDK client, it shows
 * how much of a call's latency is the client's own: the targets are about the server, and the SDK
 * client (reactive pipeline, schema handling, thread hand-offs) adds milliseconds of its own.
 */
final class LeanMcpHttpClient {

    private static final Pattern PROTOCOL = Pattern.compile("\"protocolVersion\"\\s*:\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OK = Pattern.compile("\"isError\"\\s*:\\s*false");

    private final HttpClient http;
    private final URI endpoint;
    private final String authorization;
    private final AtomicLong ids = new AtomicLong();
    private String sessionId;
    private String protocolVersion;

    private LeanMcpHttpClient(int port, ApiKeys.ApiKey key) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/mcp");
        this.authorization = "Bearer " + key.secret();
    }

    /** Opens a session: {@code initialize}, then {@code notifications/initialized}, as the protocol asks. */
    static LeanMcpHttpClient connect(int port, ApiKeys.ApiKey key) throws IOException, InterruptedException {
        LeanMcpHttpClient client = new LeanMcpHttpClient(port, key);
        HttpResponse<String> init = client.post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"zava-benchmarks-lean\",\"version\":\"1\"}}}");
        Matcher version = PROTOCOL.matcher(init.body());
        if (init.statusCode() != 200 || !version.find()) {
            throw new IllegalStateException("initialize failed: HTTP " + init.statusCode() + " " + init.body());
        }
        client.protocolVersion = version.group(1);
        client.sessionId = init.headers().firstValue("Mcp-Session-Id").orElse(null);
        HttpResponse<String> initialized = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        if (initialized.statusCode() / 100 != 2) {
            throw new IllegalStateException("notifications/initialized failed: HTTP " + initialized.statusCode());
        }
        return client;
    }

    /** Calls a tool without arguments; true when the answer is a result with {@code isError: false}. */
    boolean callTool(String name) throws IOException, InterruptedException {
        return callTool(name, "{}");
    }

    /** Calls a tool with arguments given as a JSON object; true when the answer has {@code isError: false}. */
    boolean callTool(String name, String argumentsJson) throws IOException, InterruptedException {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet()
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + name + "\",\"arguments\":"
                + argumentsJson + "}}");
        return response.statusCode() == 200 && OK.matcher(response.body()).find();
    }

    /** {@code text} as a JSON string literal. */
    static String jsonString(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + text, e);
        }
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(McpConnections.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        if (protocolVersion != null) {
            request.header("MCP-Protocol-Version", protocolVersion);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
