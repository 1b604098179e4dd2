package com.zava.retail.bootstrap.acceptance;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** An initialised MCP Java SDK client session, over either transport, as a manager's assistant holds it. */
final class McpConnection implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final McpSyncClient client;
    private final Transport transport;
    private final boolean ownedByScenario;

    McpConnection(McpSyncClient client, Transport transport, boolean ownedByScenario) {
        this.client = client;
        this.transport = transport;
        this.ownedByScenario = ownedByScenario;
    }

    /**
     * Opens a Streamable HTTP session to the server on {@code port}, sending {@code headers} with
     * every request, and initialises it.
     */
    static McpConnection http(int port, Map<String, String> headers) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .addHttpRequestCustomizer((builder, method, uri, body, context) -> headers.forEach(builder::header))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(REQUEST_TIMEOUT)
                .initializationTimeout(REQUEST_TIMEOUT).build();
        try {
            client.initialize();
        } catch (RuntimeException e) {
            client.closeGracefully();
            throw e;
        }
        return new McpConnection(client, Transport.HTTP, true);
    }

    Transport transport() {
        return transport;
    }

    McpSyncClient client() {
        return client;
    }

    ToolAnswer call(String tool, Map<String, Object> arguments) {
        return new ToolAnswer(tool, client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build()));
    }

    /** {@code execute_sales_query}: what the assistant does once it has written its SQL. */
    ToolAnswer query(String sql) {
        return call("execute_sales_query", Map.of("postgresql_query", sql));
    }

    /** Today's date in UTC, asked of the server as the tool descriptions tell a model to. */
    LocalDate today() {
        String utc = call("get_current_utc_date", Map.of()).answered().text().strip();
        return Instant.parse(utc).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Ends the session, unless it belongs to a server that lives for the whole suite (stdio). */
    @Override
    public void close() {
        if (ownedByScenario) {
            client.closeGracefully();
        }
    }
}
