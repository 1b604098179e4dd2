package com.zava.retail.benchmarks;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * One run of every scenario, in an order that keeps them from disturbing each other: raw JDBC
 * first (no server running), then each server alone (stateful HTTP, stateless HTTP with the load
 * and memory tests, stdio), then the cold starts. Each server is stopped before the next starts.
 */
final class BenchmarkRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final BenchmarkOptions options;
    private final ServerSettings settings;

    BenchmarkRun(BenchmarkOptions options) {
        this.options = options;
        this.settings = new ServerSettings(options.jar(), options.serverJavaOptions(), options.database(),
                options.logDir());
    }

    /** What the raw JDBC phase found and measured; the server phases build on it. */
    private record RawPhase(DataFacts facts, List<SalesQuery> queries, Map<String, Integer> rows,
            String postgresVersion, RlsResult rls) {
    }

    /** What the stateless server phase measured. */
    private record StatelessPhase(List<LoadResult> load, MemoryResult memory) {
    }

    BenchmarkResults run() throws Exception {
        Instant date = Instant.now();
        long started = System.nanoTime();
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException("No server jar at " + options.jar() + ": build it first "
                    + "(./mvnw -B -q package -DskipTests; make bench does this)");
        }
        Files.createDirectories(options.logDir());
        clearOldLogs();
        MachineInfo machine = MachineInfo.collect();
        Progress.say("machine: %d cores, %d MiB, %s", machine.cores(), machine.memoryMib(), machine.cpuModel());

        RawPhase raw = rawJdbc();
        List<ScenarioResult> latencies = new ArrayList<>();
        List<InTurnsResult> inTurns = new ArrayList<>();
        for (RlsResult.Comparison comparison : raw.rls().queries()) {
            latencies.add(new ScenarioResult(comparison.query().id(), Transport.RAW_JDBC, comparison.underRls()));
        }

        Progress.say("creating a head office API key with 'keys create'");
        ApiKeys.ApiKey key = ApiKeys.create(settings);
        McpSchema.InitializeResult initialized;
        StatelessPhase stateless;
        List<StartupResult> startup = new ArrayList<>();
        try {
            initialized = statefulHttp(key, raw, latencies, inTurns);
            stateless = statelessHttp(key, raw, latencies, inTurns);
            stdio(raw, latencies);
            startup.add(StartupBenchmark.stdio(settings, options.stdioStarts()));
            startup.add(StartupBenchmark.http(settings, options.httpStarts()));
        } finally {
            revoke(key);
        }

        Versions versions = new Versions(
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")",
                raw.postgresVersion(),
                RedisInfo.version(System.getenv("SPRING_DATA_REDIS_URL")),
                initialized.serverInfo().name() + " " + initialized.serverInfo().version(),
                manifest("Spring-Boot-Version"),
                initialized.protocolVersion(),
                McpConnections.sdkVersion());
        long auditDropped = AuditLoss.dropped(settings.log("http-stateful"))
                + AuditLoss.dropped(settings.log("http-stateless"));
        if (auditDropped > 0) {
            Progress.say("the servers dropped at least %d audit records (see their logs)", auditDropped);
        }
        return new BenchmarkResults(date, Duration.ofNanos(System.nanoTime() - started), options, machine, versions,
                raw.facts(), raw.queries(), raw.rows(), latencies, stateless.load(), startup, stateless.memory(),
                raw.rls(), inTurns, auditDropped);
    }

    /** No server running: the data's facts, each query's row count, the baseline and the RLS comparison. */
    private RawPhase rawJdbc() throws Exception {
        try (JdbcSession app = JdbcSession.open(options.database().jdbcUrl(), options.database().app())) {
            DataFacts facts = DataFacts.read(app);
            String postgresVersion = app.value(null, "SHOW server_version");
            Progress.say("data: %d orders, %d order items, last order day %s", facts.orders(), facts.orderItems(),
                    facts.lastOrderDay());
            List<SalesQuery> queries = QueryMix.of(facts);
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (SalesQuery query : queries) {
                int count = app.runAsManager(DataFacts.HEAD_OFFICE, query.sql());
                if (query.expectedRows() >= 0 && count != query.expectedRows()) {
                    throw new IllegalStateException("Query " + query.id() + " returned " + count + " rows, "
                            + query.expectedRows() + " expected; is the full data set seeded?\nSQL: " + query.sql());
                }
                rows.put(query.id(), count);
            }
            RlsResult rls = RlsComparison.run(app, options.database(), facts, queries, options.warmup(),
                    options.latencyDuration());
            return new RawPhase(facts, queries, rows, postgresVersion, rls);
        }
    }

    /** Single-client scenarios over stateful HTTP, semantic search included; returns the server's initialize answer. */
    private McpSchema.InitializeResult statefulHttp(ApiKeys.ApiKey key, RawPhase raw, List<ScenarioResult> latencies,
            List<InTurnsResult> inTurns) throws Exception {
        Progress.say("starting the HTTP server (stateful sessions)");
        try (HttpServer server = HttpServer.start(settings, "stateful", "http-stateful")) {
            server.awaitReady(READY_TIMEOUT);
            ServerWarmUp.run(server, key, raw.queries(), options.serverWarmup());
            try (McpSyncClient client = McpConnections.http(server.port(), key)) {
                latencies.addAll(ServerScenarios.measure(client, Transport.HTTP_STATEFUL, raw.queries(), raw.rows(),
                        true, options.warmup(), options.latencyDuration()));
                latencies.addAll(ServerScenarios.lean(server.port(), key, Transport.HTTP_STATEFUL, true,
                        options.warmup(), options.latencyDuration()));
                inTurns.addAll(aggregateInTurns(client, server.port(), key, Transport.HTTP_STATEFUL, raw));
                return client.getCurrentInitializationResult();
            }
        }
    }

    /** Single-client scenarios, then the load levels and the memory runs, over stateless HTTP. */
    private StatelessPhase statelessHttp(ApiKeys.ApiKey key, RawPhase raw, List<ScenarioResult> latencies,
            List<InTurnsResult> inTurns) throws Exception {
        Progress.say("starting the HTTP server (stateless)");
        try (HttpServer server = HttpServer.start(settings, "stateless", "http-stateless")) {
            server.awaitReady(READY_TIMEOUT);
            ServerWarmUp.run(server, key, raw.queries(), options.serverWarmup());
            try (McpSyncClient client = McpConnections.http(server.port(), key)) {
                latencies.addAll(ServerScenarios.measure(client, Transport.HTTP_STATELESS, raw.queries(), raw.rows(),
                        false, options.warmup(), options.latencyDuration()));
                inTurns.addAll(aggregateInTurns(client, server.port(), key, Transport.HTTP_STATELESS, raw));
            }
            latencies.addAll(ServerScenarios.lean(server.port(), key, Transport.HTTP_STATELESS, false,
                    options.warmup(), options.latencyDuration()));
            Thread.sleep(2000); // let the last calls' work (audit records, logs) drain
            long idle = server.residentKib();
            Progress.say("memory: %d MiB resident at idle after warm-up", idle / 1024);
            String aggregateSql = raw.queries().stream().filter(q -> q.id().equals(QueryMix.AGGREGATE)).findFirst()
                    .orElseThrow().sql();
            LoadScenarios.Workload utc = LoadScenarios.sdk(ServerScenarios.UTC_DATE, key, ToolCalls::utcDate);
            LoadScenarios.Workload utcLean = LoadScenarios.lean(ServerScenarios.UTC_DATE_LEAN, key,
                    ServerScenarios.UTC_DATE);
            LoadScenarios.Workload aggregate = LoadScenarios.sdk("execute_sales_query " + QueryMix.AGGREGATE, key,
                    client -> ToolCalls.sql(client, aggregateSql));
            List<LoadResult> load = new ArrayList<>();
            load.addAll(LoadScenarios.levels(server, utc, options.levels(), options.warmup(), options.duration()));
            // The lean client at every level too: the server's throughput with little client in the way.
            load.addAll(LoadScenarios.levels(server, utcLean, options.levels(), options.warmup(), options.duration()));
            load.addAll(LoadScenarios.levels(server, aggregate, options.levels(), options.warmup(),
                    options.duration()));
            return new StatelessPhase(load, memoryRuns(server, aggregate, idle));
        }
    }

    private List<InTurnsResult> aggregateInTurns(McpSyncClient client, int port, ApiKeys.ApiKey key,
            Transport transport, RawPhase raw) throws Exception {
        SalesQuery aggregate = raw.queries().stream().filter(q -> q.id().equals(QueryMix.AGGREGATE)).findFirst()
                .orElseThrow();
        return AggregateInTurns.measure(client, port, key, transport, aggregate, raw.rows().get(aggregate.id()),
                options.database(), options.warmup(), options.latencyDuration());
    }

    /** Single-client scenarios over stdio, the server started by the client as VS Code does. */
    private void stdio(RawPhase raw, List<ScenarioResult> latencies) throws Exception {
        Progress.say("starting the stdio server");
        try (StdioServer server = StdioServer.start(settings, DataFacts.HEAD_OFFICE, "stdio")) {
            latencies.addAll(ServerScenarios.measure(server.client(), Transport.STDIO, raw.queries(), raw.rows(), false,
                    options.warmup(), options.latencyDuration()));
        }
    }

    /** The same load at the memory level, several times over, reading resident memory after each. */
    private MemoryResult memoryRuns(HttpServer server, LoadScenarios.Workload workload, long idle) throws Exception {
        int clients = options.memoryLevel();
        List<MemoryResult.Run> runs = new ArrayList<>();
        for (int run = 1; run <= options.memoryRuns(); run++) {
            Progress.say("memory: run %d/%d, %s with %d clients", run, options.memoryRuns(), workload.name(), clients);
            LoadResult result = LoadScenarios.level(server, workload, clients, options.warmup(),
                    options.duration());
            Thread.sleep(1000); // read it idle, as after a burst of traffic
            long after = server.residentKib();
            Progress.say("memory: run %d: peak %d MiB, %d MiB after", run, result.peakRssKib() / 1024, after / 1024);
            runs.add(new MemoryResult.Run(run, result.stats(), result.peakRssKib(), after));
        }
        return new MemoryResult(idle, clients, runs);
    }

    /** Revokes the run's key; a failure here is reported but never hides the failure that got us here. */
    private void revoke(ApiKeys.ApiKey key) {
        Progress.say("revoking the benchmark API key %s", key.id());
        try {
            ApiKeys.revoke(settings, key);
        } catch (Exception e) {
            Progress.say("could not revoke API key %s (%s); revoke it with: java -jar %s keys revoke %s", key.id(),
                    e.getMessage(), options.jar(), key.id());
        }
    }

    /** The servers append to their logs; a new run starts with none, so a log shows one run only. */
    private void clearOldLogs() throws IOException {
        try (var logs = Files.list(options.logDir())) {
            for (java.nio.file.Path log : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        }
    }

    private String manifest(String attribute) {
        try (JarFile jar = new JarFile(options.jar().toFile())) {
            String value = jar.getManifest().getMainAttributes().getValue(attribute);
            return value == null ? "unknown" : value;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
