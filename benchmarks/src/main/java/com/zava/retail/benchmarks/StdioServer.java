package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A server started by the MCP client itself over stdio ({@code serve --transport stdio}), the way
 * VS Code starts it. The SDK's transport spawns the process itself; {@link #start} measures from
 * just before that to {@code initialize} answered.
 */
final class StdioServer implements AutoCloseable {

    private final McpSyncClient client;
    private final McpSchema.InitializeResult initialized;
    private final Duration startToInitialize;
    private final ProcessHandle process;
    private final PrintWriter log;

    private StdioServer(McpSyncClient client, McpSchema.InitializeResult initialized, Duration startToInitialize,
            ProcessHandle process, PrintWriter log) {
        this.client = client;
        this.initialized = initialized;
        this.startToInitialize = startToInitialize;
        this.process = process;
        this.log = log;
    }

    static StdioServer start(ServerSettings settings, String managerId, String logName) throws IOException {
        List<String> command = settings.command("serve", "--transport", "stdio", "--manager-id", managerId);
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .env(settings.environment())
                .build();
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(settings.log(logName), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
        // Logs go to stderr over stdio; keep them for a failure, and drain them so the pipe never fills.
        transport.setStdErrorHandler(line -> {
            synchronized (log) {
                log.println(line);
            }
        });
        // The clock starts before the client is built: whether the SDK spawns the process when the
        // client is built or when it initializes, the spawn is inside the measured time.
        Set<Long> before = ChildProcesses.childPids();
        long started = System.nanoTime();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofMinutes(2)) // the first tool call waits for Spring to finish starting
                .initializationTimeout(Duration.ofMinutes(2))
                .build();
        McpSchema.InitializeResult initialized;
        try {
            initialized = client.initialize();
        } catch (RuntimeException e) {
            ChildProcesses.newChild(before).ifPresent(child -> ChildProcesses.stop(child, Duration.ofSeconds(5)));
            log.close();
            throw new IllegalStateException("The stdio server did not answer initialize; see " + settings.log(logName), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        ProcessHandle process = ChildProcesses.newChild(before)
                .orElseThrow(() -> new IllegalStateException("the stdio server process was not found"));
        return new StdioServer(client, initialized, elapsed, process, log);
    }

    McpSyncClient client() {
        return client;
    }

    McpSchema.InitializeResult initialized() {
        return initialized;
    }

    Duration startToInitialize() {
        return startToInitialize;
    }

    /** Closes stdin (the server then exits by itself), and makes sure the process is gone. */
    @Override
    public void close() {
        try {
            client.closeGracefully();
        } catch (RuntimeException ignored) {
            // the process is stopped below either way
        }
        ChildProcesses.stop(process, Duration.ofSeconds(20));
        synchronized (log) {
            log.close();
        }
    }
}
