package com.zava.retail.benchmarks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders {@link BenchmarkResults} as {@code docs/benchmarks.md}: conditions first, then the numbers. */
final class MarkdownReport {

    private final BenchmarkResults results;
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(BenchmarkResults results) {
        this.results = results;
    }

    static String render(BenchmarkResults results) {
        return new MarkdownReport(results).document();
    }

    private String document() {
        header();
        machine();
        configuration();
        queries();
        latency();
        ratios();
        load();
        startup();
        memory();
        rls();
        targets();
        return out.toString();
    }

    private void header() {
        BenchmarkOptions options = results.options();
        line("# Benchmarks");
        line();
        line("What a tool call of the Zava Retail MCP server costs on top of the database, how the server behaves "
                + "under load, at start-up and in memory (issue 10). Written by the benchmark harness "
                + "(`benchmarks/`, `com.zava.retail.benchmarks.BenchmarkMain`); reproduce it with:");
        line();
        line("```bash");
        line("make bench                                            # the defaults: --duration 20s --warmup 5s");
        line("make bench BENCH_ARGS=\"--duration 2s --warmup 1s\"     # a quick smoke run");
        line("```");
        line();
        line(String.format(Locale.ROOT, "Run of %s UTC, %d min %d s in all. Each HTTP server is first warmed up "
                        + "for %s by %d MCP Java SDK clients calling every tool in turns, so that the JIT has compiled "
                        + "it (a production server is long past that point; nothing of it is reported). Every "
                        + "measurement: %s warm-up "
                        + "(calls thrown away), then %s per single-client scenario and %s per load level. Latencies are "
                        + "of successful calls, client-side (from the call to its answer, JSON-RPC and HTTP included); "
                        + "percentiles are exact nearest-rank values over all samples. One run on one machine: ratios "
                        + "are steadier than absolute times.",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(results.date().atOffset(ZoneOffset.UTC)),
                results.took().toMinutes(), results.took().toSecondsPart(), Numbers.seconds(options.serverWarmup()),
                ServerWarmUp.CLIENTS, Numbers.seconds(options.warmup()),
                Numbers.seconds(options.latencyDuration()), Numbers.seconds(options.duration())));
        line();
    }

    private static String mallocArenas() {
        String value = System.getenv("MALLOC_ARENA_MAX");
        return value == null ? "not set (glibc's default: 8 per core)" : "`" + value + "`";
    }

    private void machine() {
        MachineInfo machine = results.machine();
        Versions versions = results.versions();
        line("## Machine and versions");
        line();
        table(List.of("", "this run"), List.of(
                List.of("CPU", machine.cpuModel()),
                List.of("cores (`nproc`)", Integer.toString(machine.cores())),
                List.of("memory", Numbers.count(machine.memoryMib()) + " MiB"),
                List.of("operating system", machine.os()),
                List.of("Java", versions.java()),
                List.of("PostgreSQL", versions.postgres()),
                List.of("Redis", versions.redis()),
                List.of("server", versions.app() + " (Spring Boot " + versions.springBoot() + ")"),
                List.of("MCP protocol / client", versions.mcpProtocol() + " / MCP Java SDK " + versions.mcpSdk())));
        line();
        line("The clients run on the same machine: the harness's client threads share the cores with the server and "
                + "PostgreSQL, which matters most at 32 and 128 clients.");
        line();
    }

    private void configuration() {
        BenchmarkOptions options = results.options();
        DataFacts facts = results.facts();
        line("## Configuration");
        line();
        line("Servers are started by the harness from `" + options.jar() + "` with `java "
                + (options.serverJavaOptions().isEmpty() ? "" : String.join(" ", options.serverJavaOptions()) + " ")
                + "-jar ... serve` (`--transport http` on a free port, or `--transport stdio --manager-id "
                + DataFacts.HEAD_OFFICE + "`), "
                + (options.serverJavaOptions().isEmpty() ? "with the JVM's default options (as `make run`), " : "")
                + "one at a time, against the development database `" + options.database().jdbcUrl() + "` as `"
                + options.database().app().user() + "`. Settings that differ from the defaults:");
        line();
        table(List.of("environment variable", "value", "why"), List.of(
                List.of("`ZAVA_RATE_LIMIT_TOOL_CALLS_PER_MINUTE`",
                        ServerSettings.TUNING.get("ZAVA_RATE_LIMIT_TOOL_CALLS_PER_MINUTE"),
                        "the default (60 a minute per manager) would refuse the load; this is the highest value the "
                                + "server accepts (16,667 calls a second)"),
                List.of("`ZAVA_RATE_LIMIT_TOOL_CALLS_BURST`", ServerSettings.TUNING.get("ZAVA_RATE_LIMIT_TOOL_CALLS_BURST"),
                        "the default burst is 20"),
                List.of("`ZAVA_DATABASE_MAX_CONCURRENT_READS_PER_MANAGER`",
                        ServerSettings.TUNING.get("ZAVA_DATABASE_MAX_CONCURRENT_READS_PER_MANAGER"),
                        "every client is head office; the default bulkhead (6) would queue 128 clients behind one "
                                + "manager's slots. Reads still share at most 8 of the pool's 10 connections"),
                List.of("`ZAVA_HTTP_SESSION_MODE`", "`stateful` or `stateless`", "one server per mode"),
                List.of("`ZAVA_SECURITY_MODE`", "`api-key`", "the default, set so a caller's shell cannot change it"),
                List.of("`ZAVA_LOG_FORMAT`", "`text`", "the default outside containers; logs go to "
                        + "`" + options.logDir() + "`"),
                List.of("`MALLOC_ARENA_MAX`", mallocArenas(), "inherited from the harness's environment; "
                        + "`make run`, `make bench` and the container image set 2")));
        line();
        line("Everything else is the default: connection pool of 10, 30 s statement timeout, fetch size 200, row cap "
                + "500, Redis caches (embeddings; query results off), the audit trail (one row per call), one log line "
                + "per call, every call traced (spans not exported), the local ONNX embedding model.");
        line();
        line("Every HTTP client is its own MCP session (`initialize`, and in stateful mode its own `Mcp-Session-Id`) "
                + "authenticated with a head office API key made for the run with `keys create` and revoked at its "
                + "end. Data: " + Numbers.count(facts.orders()) + " orders, " + Numbers.count(facts.orderItems())
                + " order items, last order day " + facts.lastOrderDay() + "; every call is made as head office "
                + "(sees all eight stores).");
        line();
    }

    private void queries() {
        line("## Queries");
        line();
        line("The same text goes through raw JDBC and through `execute_sales_query` (and so through the server's SQL "
                + "guard); each is checked to return the same number of rows both ways before it is timed.");
        line();
        table(List.of("query", "asks", "rows"), results.queries().stream()
                .map(q -> List.of("`" + q.id() + "`", q.title(), Integer.toString(results.rawRows().get(q.id()))))
                .toList());
        line();
        for (SalesQuery query : results.queries()) {
            line("`" + query.id() + "`:");
            line();
            line("```sql");
            line(query.sql());
            line("```");
            line();
        }
    }

    private void latency() {
        line("## Latency per scenario (one client)");
        line();
        line("Raw JDBC: one connection as `" + results.rls().rlsRole() + "`, READ ONLY transaction, "
                + "`SET LOCAL zava.manager_id` (head office) and statement timeout in one round trip, fetch size 200, "
                + "every value read, rollback: what the server does for a query, without the server.");
        line();
        List<List<String>> rows = results.latencies().stream()
                .map(r -> List.of(r.scenario(), r.transport().label(), Numbers.ms(r.stats().p50Ms()),
                        Numbers.ms(r.stats().p95Ms()), Numbers.ms(r.stats().p99Ms()), Numbers.count(r.stats().calls()),
                        Numbers.count(r.stats().errors())))
                .toList();
        table(List.of("scenario", "path", "median ms", "p95 ms", "p99 ms", "calls", "errors"), rows);
        line();
    }

    private void ratios() {
        line("## Ratios");
        line();
        line("Server median over the raw JDBC median of the same query (1.00 x would mean the MCP layer is free):");
        line();
        List<List<String>> rows = results.queries().stream().map(query -> {
            double raw = median(query.id(), Transport.RAW_JDBC);
            return List.of("`" + query.id() + "`", Numbers.ms(raw),
                    Numbers.ratio(median(query.id(), Transport.HTTP_STATEFUL) / raw),
                    Numbers.ratio(median(query.id(), Transport.HTTP_STATELESS) / raw),
                    Numbers.ratio(median(query.id(), Transport.STDIO) / raw));
        }).toList();
        table(List.of("query", "raw JDBC median ms", "HTTP stateful", "HTTP stateless", "stdio"), rows);
        line();
        inTurns();
        line("Transports against each other (median over the stateful HTTP median; below 1 is faster):");
        line();
        List<String> scenarios = new java.util.ArrayList<>(results.queries().stream().map(SalesQuery::id).toList());
        scenarios.add(ServerScenarios.UTC_DATE);
        List<List<String>> transportRows = scenarios.stream().map(scenario -> {
            double stateful = median(scenario, Transport.HTTP_STATEFUL);
            return List.of(scenario, Numbers.ms(stateful),
                    Numbers.ratio(median(scenario, Transport.HTTP_STATELESS) / stateful),
                    Numbers.ratio(median(scenario, Transport.STDIO) / stateful));
        }).toList();
        table(List.of("scenario", "HTTP stateful median ms", "stateless / stateful", "stdio / stateful"), transportRows);
        line();
        clientCost();
        Optional<LatencyStats> cold = results.latency(ServerScenarios.SEARCH_COLD, Transport.HTTP_STATEFUL);
        Optional<LatencyStats> cached = results.latency(ServerScenarios.SEARCH_CACHED, Transport.HTTP_STATEFUL);
        if (cold.isPresent() && cached.isPresent()) {
            line(String.format(Locale.ROOT, "Semantic search: cached %s ms against %s ms uncached (%s); the "
                            + "uncached phrase gets a new suffix on every call, so its embedding is always computed.",
                    Numbers.ms(cached.get().p50Ms()), Numbers.ms(cold.get().p50Ms()),
                    Numbers.ratio(cached.get().p50Ms() / cold.get().p50Ms())));
            line();
        }
    }

    /** The ratio target's own measurement: server and raw JDBC calls alternating. */
    private void inTurns() {
        if (results.inTurns().isEmpty()) {
            return;
        }
        line("Those ratios set a server median against a baseline measured minutes earlier. The ratio target is "
                + "measured in turns instead: one call through the server, then the same statement over raw JDBC, "
                + "and so on, so that the machine's drift affects both alike:");
        line();
        List<List<String>> rows = results.inTurns().stream().map(r -> List.of("`" + r.query() + "`",
                r.transport().label(), r.client(), Numbers.ms(r.raw().p50Ms()), Numbers.ms(r.server().p50Ms()),
                Numbers.ratio(r.ratio()), Numbers.count(r.server().calls()), Numbers.count(r.raw().errors()
                        + r.server().errors()))).toList();
        table(List.of("query", "server", "client", "raw JDBC median ms", "server median ms", "ratio", "pairs",
                "errors"), rows);
        line();
    }

    /** How much of a call is the client's: the SDK client against the lean one on the same server. */
    private void clientCost() {
        List<List<String>> rows = new java.util.ArrayList<>();
        clientCostRow(rows, ServerScenarios.UTC_DATE, ServerScenarios.UTC_DATE_LEAN, Transport.HTTP_STATEFUL);
        clientCostRow(rows, ServerScenarios.UTC_DATE, ServerScenarios.UTC_DATE_LEAN, Transport.HTTP_STATELESS);
        clientCostRow(rows, ServerScenarios.SEARCH_COLD, ServerScenarios.SEARCH_COLD_LEAN, Transport.HTTP_STATEFUL);
        clientCostRow(rows, ServerScenarios.SEARCH_CACHED, ServerScenarios.SEARCH_CACHED_LEAN, Transport.HTTP_STATEFUL);
        if (rows.isEmpty()) {
            return;
        }
        line("The client's share: the same calls through the MCP Java SDK client and through a lean client (HTTP/1.1 "
                + "written and read by hand on one kept-alive socket, a fixed JSON-RPC body, no parsing beyond the "
                + "success check), same server, one client. The latency targets are judged on the lean client; the "
                + "load table shows what each client costs in CPU:");
        line();
        table(List.of("scenario", "server", "SDK client median ms", "lean client median ms", "SDK / lean"), rows);
        line();
    }

    private void clientCostRow(List<List<String>> rows, String sdkScenario, String leanScenario, Transport transport) {
        double sdk = median(sdkScenario, transport);
        double lean = median(leanScenario, transport);
        if (!Double.isNaN(sdk) && !Double.isNaN(lean)) {
            rows.add(List.of(sdkScenario, transport.label(), Numbers.ms(sdk), Numbers.ms(lean),
                    Numbers.ratio(sdk / lean)));
        }
    }

    private void load() {
        line("## Load (stateless HTTP)");
        line();
        line("Each client calls back to back on its own thread and its own MCP session (closed loop); calls/s counts "
                + "successful calls. Clients are MCP Java SDK clients, except the rows marked lean HTTP client (see "
                + "Ratios). CPU per call is the CPU time the server process and the harness (every client, with "
                + "its HTTP machinery, GC and JIT) used during the measured window, over the successful calls: on two "
                + "shared cores, what the clients use is taken from the server. Peak RSS is the server's resident "
                + "memory sampled every 200 ms during the level.");
        line();
        List<List<String>> rows = results.load().stream()
                .map(level -> List.of(level.scenario(), Integer.toString(level.clients()),
                        Numbers.rate(level.stats().throughput()), Numbers.ms(level.stats().p50Ms()),
                        Numbers.ms(level.stats().p95Ms()), Numbers.ms(level.stats().p99Ms()),
                        Numbers.count(level.stats().calls()), Numbers.count(level.stats().errors()),
                        Numbers.cpuMs(level.cpu().serverMs()), Numbers.cpuMs(level.cpu().harnessMs()),
                        Numbers.mib(level.peakRssKib())))
                .toList();
        table(List.of("scenario", "clients", "calls/s", "p50 ms", "p95 ms", "p99 ms", "calls", "errors",
                "server CPU ms/call", "clients CPU ms/call", "peak RSS MiB"), rows);
        line();
    }

    private void startup() {
        line("## Start-up");
        line();
        line("From starting the process (`java -jar`) to the moment named, each start alone on the machine.");
        line();
        List<List<String>> rows = results.startup().stream()
                .map(start -> List.of(start.transport() == Transport.STDIO ? "stdio" : "HTTP", start.until(),
                        Long.toString(start.median().toMillis()), Integer.toString(start.samples().size()),
                        start.samples().stream().map(d -> Long.toString(d.toMillis())).collect(Collectors.joining(", "))))
                .toList();
        table(List.of("transport", "until", "median ms", "starts", "each start ms"), rows);
        line();
    }

    private void memory() {
        MemoryResult memory = results.memory();
        line("## Memory");
        line();
        line("Resident set size (`VmRSS` in `/proc/<pid>/status`) of the stateless HTTP server: heap, metaspace, "
                + "thread stacks and the ONNX runtime together, what a container limit counts.");
        line();
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("idle, after the single-client scenarios", Numbers.mib(memory.idleKib()), ""));
        for (LoadResult level : results.load()) {
            if (level.clients() == memory.clients()) {
                rows.add(List.of(level.scenario() + ", " + level.clients() + " clients", Numbers.mib(level.peakRssKib()),
                        Numbers.mib(level.endRssKib())));
            }
        }
        for (MemoryResult.Run run : memory.runs()) {
            rows.add(List.of("repeated run " + run.number() + ": execute_sales_query " + QueryMix.AGGREGATE + ", "
                    + memory.clients() + " clients (" + Numbers.rate(run.stats().throughput()) + " calls/s, "
                    + run.stats().errors() + " errors)", Numbers.mib(run.peakKib()), Numbers.mib(run.afterKib())));
        }
        table(List.of("when", "peak / value MiB", "after MiB"), rows);
        line();
        line(String.format(Locale.ROOT, "From after the first repeated run to after the last: %+.1f %%.",
                memory.growthPercent()));
        line();
    }

    private void rls() {
        RlsResult rls = results.rls();
        line("## Row-level security");
        line();
        line("The query mix as head office over raw JDBC, under RLS as `" + rls.rlsRole() + "` against `"
                + rls.bypassRole() + "`, which bypasses RLS: it " + rls.why() + ". Same connection settings on both "
                + "(READ ONLY transaction, the same `SET LOCAL`s, fetch size, and `" + rls.rlsRole() + "`'s "
                + "`work_mem` copied to the other session), the two run in turns, call by call, so drift affects both alike.");
        line();
        List<List<String>> rows = new java.util.ArrayList<>(rls.queries().stream()
                .map(c -> List.of("`" + c.query().id() + "`", Numbers.ms(c.underRls().p50Ms()),
                        Numbers.ms(c.bypassing().p50Ms()), Numbers.ratio(c.ratio())))
                .toList());
        rows.add(List.of("the mix (sum of medians)",
                Numbers.ms(rls.queries().stream().mapToDouble(c -> c.underRls().p50Ms()).sum()),
                Numbers.ms(rls.queries().stream().mapToDouble(c -> c.bypassing().p50Ms()).sum()),
                Numbers.ratio(rls.mixRatio())));
        table(List.of("query", "under RLS median ms", "bypassing median ms", "ratio"), rows);
        line();
    }

    private void targets() {
        line("## Targets");
        line();
        table(List.of("target (issue 10)", "measured", ""), TargetCheck.evaluate(results).stream()
                .map(check -> List.of(check.target(), check.measured(),
                        check.met().map(met -> met ? "met" : "**missed**").orElse("not measured")))
                .toList());
        line();
    }

    private double median(String scenario, Transport transport) {
        return results.latency(scenario, transport).map(LatencyStats::p50Ms).orElse(Double.NaN);
    }

    private void table(List<String> header, List<List<String>> rows) {
        line("| " + header.stream().map(MarkdownReport::cell).collect(Collectors.joining(" | ")) + " |");
        line("|" + header.stream().map(h -> "---").collect(Collectors.joining("|")) + "|");
        for (List<String> row : rows) {
            line("| " + row.stream().map(MarkdownReport::cell).collect(Collectors.joining(" | ")) + " |");
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
