package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.domain.ManagerId;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged jar started over stdio, one process per manager, as VS Code starts it from
 * {@code .vscode/mcp.json}. A process serves one manager for its whole life, so each is started the
 * first time a scenario needs that manager and kept until the suite ends.
 */
final class StdioServers {

    static final Path JAR = Path.of("target", "zava-retail-mcp.jar");

    /**
     * JIT and GC settings for a short-lived process on a small machine: the server is the same, it
     * only starts faster (the C2 compiler does not pay off within a test run).
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Map<ManagerId, CompletableFuture<Server>> SERVERS = new ConcurrentHashMap<>();

    static {
        killOnExit();
    }

    private StdioServers() {
    }

    /** A session with the caller's own stdio server, started on first use. */
    static McpConnection connect(Caller caller) {
        return new McpConnection(server(caller).join().client, Transport.STDIO, false);
    }

    /** What the caller's server wrote to stderr (its logs), most recent lines last. */
    static String logOf(Caller caller) {
        CompletableFuture<Server> server = SERVERS.get(caller.managerId());
        if (server == null || !server.isDone() || server.isCompletedExceptionally()) {
            return "";
        }
        Server running = server.join();
        synchronized (running.stderr) {
            return String.join("\n", running.stderr);
        }
    }

    /**
     * Ends every session the way a client does (the SDK client closes the process's stdin and stops
     * it), waits for the processes to exit, and kills any that do not, so no server outlives the suite.
     */
    static void stopAll() {
        List<Server> running = SERVERS.values().stream()
                .filter(future -> future.isDone() && !future.isCompletedExceptionally())
                .map(CompletableFuture::join)
                .toList();
        SERVERS.clear();
        CompletableFuture<?>[] closing = running.stream()
                .map(server -> CompletableFuture.runAsync(server.client::closeGracefully))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // whatever did not close gracefully is killed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Server server : running) {
            server.process.ifPresent(process -> {
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    System.err.println("The stdio server " + process.pid() + " did not exit; killing it");
                    process.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            });
        }
    }

    private static CompletableFuture<Server> server(Caller caller) {
        return SERVERS.computeIfAbsent(caller.managerId(), id -> CompletableFuture.supplyAsync(() -> start(caller)));
    }

    private static Server start(Caller caller) {
        assertThat(JAR).as("the packaged jar (built by 'mvn package' before the integration tests)").exists();
        List<String> args = new ArrayList<>(JVM_OPTIONS);
        args.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "serve", "--transport", "stdio",
                "--manager-id", caller.managerId().asText()));
        args.addAll(SalesRecords.applicationArguments());
        args.add("--zava.rate-limit.tool-calls.per-minute=" + SalesRecords.UNLIMITED_CALLS);
        args.add("--zava.rate-limit.tool-calls.burst=" + SalesRecords.UNLIMITED_CALLS);
        // One client asks one question at a time; a full pool per process would only use up the
        // database's connection slots while several of these servers run side by side.
        args.add("--spring.datasource.hikari.maximum-pool-size=2");
        ServerParameters parameters = ServerParameters.builder(javaBinary()).args(args)
                .env(Map.of("ZAVA_STDIO_MANAGER_ID", "")).build();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
        Deque<String> stderr = new ArrayDeque<>();
        transport.setStdErrorHandler(line -> {
            synchronized (stderr) {
                stderr.addLast(line);
                if (stderr.size() > 400) {
                    stderr.removeFirst();
                }
            }
        });
        McpSyncClient client = McpClient.sync(transport).requestTimeout(McpConnection.REQUEST_TIMEOUT)
                .initializationTimeout(McpConnection.REQUEST_TIMEOUT).build();
        client.initialize();
        return new Server(client, stderr, childServing(caller));
    }

    /** The child process serving the caller, found by its command line. */
    private static Optional<ProcessHandle> childServing(Caller caller) {
        String jar = JAR.toAbsolutePath().toString();
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().map(line -> line.contains(jar)
                        && line.contains("--manager-id " + caller.managerId().asText())).orElse(false))
                .findFirst();
    }

    /** Should the test JVM end without {@link #stopAll()} (a crash, an interrupted build), no server is left behind. */
    private static void killOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVERS.values().forEach(future -> {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                future.join().process.ifPresent(ProcessHandle::destroyForcibly);
            }
        }), "stop-stdio-servers"));
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    private record Server(McpSyncClient client, Deque<String> stderr, Optional<ProcessHandle> process) {
    }
}
