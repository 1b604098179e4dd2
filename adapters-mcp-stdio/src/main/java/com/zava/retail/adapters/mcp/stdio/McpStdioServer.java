package com.zava.retail.adapters.mcp.stdio;

import com.zava.retail.adapters.mcp.core.CallerResolver;
import com.zava.retail.adapters.mcp.core.McpSalesTools;
import com.zava.retail.adapters.mcp.core.ServerDescription;
import com.zava.retail.domain.ManagerId;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The MCP server over stdio: one process, one client (VS Code or another local agent), one manager
 * fixed for the process. stdout carries only protocol messages; everything else goes to stderr.
 * The server ends when the client closes stdin and every request it sent has been answered.
 */
public final class McpStdioServer implements AutoCloseable {

    /** How long requests still running when the client closes stdin may take to answer. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final McpSyncServer server;
    private final RequestLedger ledger;

    private McpStdioServer(McpSyncServer server, RequestLedger ledger) {
        this.server = server;
        this.ledger = ledger;
    }

    /**
     * Starts serving the given streams (normally {@code System.in} and {@code System.out}) as
     * {@code manager}. {@code tools} may block until the application is ready: the server answers
     * {@code initialize} and {@code tools/list} at once, and tool calls wait for it.
     */
    public static McpStdioServer start(Supplier<McpSalesTools> tools, ManagerId manager, String version,
            InputStream in, OutputStream out) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        RequestLedger ledger = new RequestLedger(json, DRAIN_TIMEOUT);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json,
                new LineObservingInputStream(in, ledger::read, ledger::inputEnded),
                new LineObservingOutputStream(out, ledger::written));
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(ServerDescription.implementation(version))
                .instructions(ServerDescription.instructions())
                .capabilities(ServerDescription.capabilities())
                .jsonMapper(json)
                .validateToolInputs(true)
                .tools(McpSalesTools.deferredSessionSpecifications(tools, CallerResolver.fixed(manager), "stdio"))
                .build();
        return new McpStdioServer(server, ledger);
    }

    /**
     * Blocks until the client closes stdin and every request it sent has been answered: a client
     * may write its requests and close its end at once, and must still get every answer.
     */
    public void awaitInputClosed() throws InterruptedException {
        ledger.awaitDone();
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
