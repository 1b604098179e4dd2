package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;

/**
 * MCP Java SDK clients as an agent would use them. Every client is its own MCP session (its own
 * {@code initialize}, and in stateful mode its own {@code Mcp-Session-Id}) and its own HTTP client.
 */
final class McpConnections {

    /** Longer than any call should take, so a stuck call shows up as an error rather than a hang. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private McpConnections() {
    }

    /** An initialized Streamable HTTP client that authenticates with {@code apiKey}. */
    static McpSyncClient http(int port, ApiKeys.ApiKey apiKey) {
        String authorization = "Bearer " + apiKey.secret();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .addHttpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", authorization))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(REQUEST_TIMEOUT).build();
        client.initialize();
        return client;
    }

    /** The MCP Java SDK's version, from its jar's manifest. */
    static String sdkVersion() {
        String version = McpSyncClient.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
