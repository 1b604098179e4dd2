package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The load test against one HTTP server: for each level, that many MCP sessions are opened, call
 * back to back for the measured time, and are closed again. The server's resident memory is sampled
 * throughout.
 */
final class LoadScenarios {

    private LoadScenarios() {
    }

    /** One named workload: how each client connects, and what it then calls. */
    record Workload(String name, Opener opener) {
    }

    /** Opens one client session against the server on {@code port}. */
    @FunctionalInterface
    interface Opener {
        Client open(int port) throws Exception;
    }

    /** One connected client: its call, and how to close its session. */
    record Client(Call call, AutoCloseable session) {
    }

    /** Each client an MCP Java SDK client, calling what {@code call} makes of it. */
    static Workload sdk(String name, ApiKeys.ApiKey key, Function<McpSyncClient, Call> call) {
        return new Workload(name, port -> {
            McpSyncClient client = McpConnections.http(port, key);
            return new Client(call.apply(client), client);
        });
    }

    /** Each client a {@link LeanMcpHttpClient} calling one argument-less tool. */
    static Workload lean(String name, ApiKeys.ApiKey key, String tool) {
        return new Workload(name, port -> {
            LeanMcpHttpClient client = LeanMcpHttpClient.connect(port, key);
            return new Client(() -> client.callTool(tool), client);
        });
    }

    static List<LoadResult> levels(HttpServer server, Workload workload, List<Integer> levels,
            Duration warmup, Duration duration) throws Exception {
        List<LoadResult> results = new ArrayList<>();
        for (int clients : levels) {
            Progress.say("load: %s with %d concurrent clients (%s warm-up, %s measured)", workload.name(), clients,
                    Numbers.seconds(warmup), Numbers.seconds(duration));
            LoadResult result = level(server, workload, clients, warmup, duration);
            Progress.say("load: %s x%d: %.0f calls/s, p50 %.2f ms, p99 %.2f ms, %d errors; CPU per call: server "
                    + "%.3f ms, harness %.3f ms", workload.name(), clients, result.stats().throughput(),
                    result.stats().p50Ms(), result.stats().p99Ms(), result.stats().errors(), result.cpu().serverMs(),
                    result.cpu().harnessMs());
            results.add(result);
        }
        return results;
    }

    static LoadResult level(HttpServer server, Workload workload, int clients, Duration warmup, Duration duration)
            throws Exception {
        List<Client> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                sessions.add(workload.opener().open(server.port()));
            }
            List<Call> calls = sessions.stream().map(Client::call).toList();
            LoadTest.Outcome outcome;
            long peak;
            try (ResidentMemory.Peak sampler = new ResidentMemory.Peak(server.pid())) {
                outcome = LoadTest.run(calls, warmup, duration, new ProcessCpu(server.pid()));
                peak = sampler.peakKib();
            }
            return new LoadResult(workload.name(), clients, outcome.stats(), outcome.cpu(), peak,
                    server.residentKib());
        } finally {
            for (Client session : sessions) {
                try {
                    session.session().close();
                } catch (Exception ignored) {
                    // a session the server already forgot; nothing to clean up
                }
            }
        }
    }
}
