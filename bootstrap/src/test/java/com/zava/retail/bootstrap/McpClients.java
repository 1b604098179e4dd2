package com.zava.retail.bootstrap;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;

/** Real MCP Java SDK clients for the transport tests. */
final class McpClients {

    private McpClients() {
    }

    /** A Streamable HTTP client that sends {@code headers} with every request. */
    static McpSyncClient http(int port, Map<String, String> headers) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .addHttpRequestCustomizer((builder, method, uri, body, context) -> headers.forEach(builder::header))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    /** A raw POST to the MCP endpoint, for checking what the HTTP layer answers before MCP does. */
    static java.net.http.HttpResponse<String> post(int port, String body, Map<String, String> headers) throws Exception {
        return post(java.net.http.HttpClient.newHttpClient(), port, body, headers);
    }

    /** A raw POST to the MCP endpoint through {@code http}, e.g. to reuse one kept-alive connection. */
    static java.net.http.HttpResponse<String> post(java.net.http.HttpClient http, int port, String body,
            Map<String, String> headers) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of a path on the server, e.g. {@code /ready}. */
    static java.net.http.HttpResponse<String> get(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
