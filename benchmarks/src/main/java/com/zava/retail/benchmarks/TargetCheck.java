package com.zava.retail.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 10's targets, each set against what the run measured.
 *
 * @param target   the target in the words
 * @param measured what was measured, with the numbers it was judged on
 * @param met      empty when the run did not measure it (e.g. a level left out with --levels)
 */
record TargetCheck(String target, String measured, Optional<Boolean> met) {

    /** 400 MB in kibibytes (decimal megabytes, the stricter reading). */
    static final long RSS_LIMIT_KIB = 400_000_000L / 1024;
    /** Resident memory may differ this much between the first and last repeated run and count as flat. */
    static final double GROWTH_TOLERANCE_PERCENT = 5.0;

    static List<TargetCheck> evaluate(BenchmarkResults results) {
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(aggregateOverhead(results));
        checks.add(utcMedian(results));
        checks.add(utcThroughput(results));
        checks.add(search(results, ServerScenarios.SEARCH_COLD_LEAN, ServerScenarios.SEARCH_COLD, 20,
                "Semantic search with the local model: median under 20 ms uncached"));
        checks.add(search(results, ServerScenarios.SEARCH_CACHED_LEAN, ServerScenarios.SEARCH_CACHED, 5,
                "Semantic search with the local model: median under 5 ms cached"));
        checks.add(stdioStart(results));
        checks.add(residentMemory(results));
        checks.add(rls(results));
        checks.add(errors(results));
        checks.add(growth(results));
        return checks;
    }

    // The latency and throughput targets are the server's, so they are judged on the lean client,
    // whose own cost is small next to the server's (the load table reports both per call). The MCP
    // Java SDK client's figures stand beside them: what an application built on the SDK sees on
    // this machine, where that client spends several times the server's CPU per call on the same
    // two cores. See the README's design notes.

    private static TargetCheck aggregateOverhead(BenchmarkResults results) {
        String target = "`execute_sales_query` median at most 1.3 x the raw JDBC median for the 20-row aggregate, "
                + "single client over HTTP";
        Optional<InTurnsResult> leanStateful = results.inTurns(Transport.HTTP_STATEFUL, InTurnsResult.LEAN_CLIENT);
        Optional<InTurnsResult> leanStateless = results.inTurns(Transport.HTTP_STATELESS, InTurnsResult.LEAN_CLIENT);
        Optional<InTurnsResult> sdkStateful = results.inTurns(Transport.HTTP_STATEFUL, InTurnsResult.SDK_CLIENT);
        Optional<InTurnsResult> sdkStateless = results.inTurns(Transport.HTTP_STATELESS, InTurnsResult.SDK_CLIENT);
        if (leanStateful.isEmpty() || leanStateless.isEmpty() || sdkStateful.isEmpty() || sdkStateless.isEmpty()) {
            return notMeasured(target);
        }
        double a = leanStateful.get().ratio();
        double b = leanStateless.get().ratio();
        return new TargetCheck(target, format("measured in turns with raw JDBC: lean HTTP client stateful %.2f x "
                        + "(%s vs %s ms), stateless %.2f x (%s vs %s ms); MCP Java SDK client stateful %.2f x, stateless "
                        + "%.2f x", a, Numbers.ms(leanStateful.get().server().p50Ms()),
                Numbers.ms(leanStateful.get().raw().p50Ms()), b, Numbers.ms(leanStateless.get().server().p50Ms()),
                Numbers.ms(leanStateless.get().raw().p50Ms()), sdkStateful.get().ratio(), sdkStateless.get().ratio()),
                Optional.of(a <= 1.3 && b <= 1.3));
    }

    private static TargetCheck utcMedian(BenchmarkResults results) {
        String target = "`get_current_utc_date` over HTTP: median under 1 ms";
        Optional<LatencyStats> stateful = results.latency(ServerScenarios.UTC_DATE_LEAN, Transport.HTTP_STATEFUL);
        Optional<LatencyStats> stateless = results.latency(ServerScenarios.UTC_DATE_LEAN, Transport.HTTP_STATELESS);
        if (stateful.isEmpty() || stateless.isEmpty()) {
            return notMeasured(target);
        }
        return new TargetCheck(target, format("lean HTTP client: stateful %s ms, stateless %s ms%s",
                Numbers.ms(stateful.get().p50Ms()), Numbers.ms(stateless.get().p50Ms()), sdkNote(results)),
                Optional.of(stateful.get().p50Ms() < 1 && stateless.get().p50Ms() < 1));
    }

    private static String sdkNote(BenchmarkResults results) {
        Optional<LatencyStats> stateful = results.latency(ServerScenarios.UTC_DATE, Transport.HTTP_STATEFUL);
        Optional<LatencyStats> stateless = results.latency(ServerScenarios.UTC_DATE, Transport.HTTP_STATELESS);
        if (stateful.isEmpty() || stateless.isEmpty()) {
            return "";
        }
        return format("; MCP Java SDK client: stateful %s ms, stateless %s ms", Numbers.ms(stateful.get().p50Ms()),
                Numbers.ms(stateless.get().p50Ms()));
    }

    private static TargetCheck utcThroughput(BenchmarkResults results) {
        String target = "`get_current_utc_date`: at least 2,000 calls per second with 32 clients in stateless mode";
        String sdk = results.load(ServerScenarios.UTC_DATE, 32)
                .map(level -> format("; MCP Java SDK clients: %.0f calls/s (%s)", level.stats().throughput(),
                        cpu(level)))
                .orElse("");
        return results.load(ServerScenarios.UTC_DATE_LEAN, 32)
                .map(level -> new TargetCheck(target, format("lean HTTP clients: %.0f calls/s (%s)%s",
                        level.stats().throughput(), cpu(level), sdk), Optional.of(level.stats().throughput() >= 2000)))
                .orElse(notMeasured(target));
    }

    private static String cpu(LoadResult level) {
        return "CPU per call: server " + Numbers.cpuMs(level.cpu().serverMs()) + " ms, clients "
                + Numbers.cpuMs(level.cpu().harnessMs()) + " ms";
    }

    private static TargetCheck search(BenchmarkResults results, String leanScenario, String sdkScenario,
            double limitMs, String target) {
        String sdk = results.latency(sdkScenario, Transport.HTTP_STATEFUL)
                .map(stats -> "; MCP Java SDK client " + Numbers.ms(stats.p50Ms()) + " ms").orElse("");
        return results.latency(leanScenario, Transport.HTTP_STATEFUL)
                .map(stats -> new TargetCheck(target, "lean HTTP client " + Numbers.ms(stats.p50Ms())
                        + " ms (HTTP stateful)" + sdk, Optional.of(stats.p50Ms() < limitMs)))
                .orElse(notMeasured(target));
    }

    private static TargetCheck stdioStart(BenchmarkResults results) {
        String target = "stdio start to `initialize` answered: under 2 s";
        return results.startup(Transport.STDIO)
                .map(start -> new TargetCheck(target, format("%d ms (median of %d)", start.median().toMillis(),
                        start.samples().size()), Optional.of(start.median().toMillis() < 2000)))
                .orElse(notMeasured(target));
    }

    private static TargetCheck residentMemory(BenchmarkResults results) {
        String target = "Resident memory under 400 MB at 32 clients";
        long peak = results.load().stream().filter(level -> level.clients() == 32)
                .mapToLong(LoadResult::peakRssKib).max().orElse(-1);
        if (results.memory().clients() == 32) {
            peak = Math.max(peak, results.memory().runs().stream().mapToLong(MemoryResult.Run::peakKib).max().orElse(-1));
        }
        if (peak < 0) {
            return notMeasured(target);
        }
        return new TargetCheck(target, format("peak %s MB (%s MiB) over every 32-client run", Numbers.mb(peak),
                Numbers.mib(peak)), Optional.of(peak < RSS_LIMIT_KIB));
    }

    private static TargetCheck rls(BenchmarkResults results) {
        String target = "Row-level security costs at most 1.5 x: the analytics mix as head office under RLS against "
                + "a role that bypasses RLS";
        RlsResult rls = results.rls();
        return new TargetCheck(target, format("%.2f x for the mix (sum of medians; %s vs %s)", rls.mixRatio(),
                rls.rlsRole(), rls.bypassRole()), Optional.of(rls.mixRatio() <= 1.5));
    }

    private static TargetCheck errors(BenchmarkResults results) {
        String target = "No errors at any load level";
        long errors = results.load().stream().mapToLong(level -> level.stats().errors()).sum()
                + results.memory().runs().stream().mapToLong(run -> run.stats().errors()).sum();
        long calls = results.load().stream().mapToLong(level -> level.stats().calls()).sum()
                + results.memory().runs().stream().mapToLong(run -> run.stats().calls()).sum();
        // A record the audit trail dropped is a call lost too, though its client saw an answer.
        long lost = results.auditRecordsDropped();
        return new TargetCheck(target, format("%d errors in %d calls; %d audit records dropped by the servers", errors,
                calls + errors, lost), Optional.of(errors == 0 && lost == 0));
    }

    private static TargetCheck growth(BenchmarkResults results) {
        String target = "No growth of resident memory across three repeated load runs";
        MemoryResult memory = results.memory();
        if (memory.runs().size() < 2) {
            return notMeasured(target);
        }
        StringBuilder after = new StringBuilder();
        for (MemoryResult.Run run : memory.runs()) {
            after.append(after.length() == 0 ? "" : ", ").append(Numbers.mib(run.afterKib()));
        }
        return new TargetCheck(target, format("after each run: %s MiB (%+.1f %% first to last; flat = within %.0f %%)",
                after, memory.growthPercent(), GROWTH_TOLERANCE_PERCENT),
                Optional.of(memory.growthPercent() <= GROWTH_TOLERANCE_PERCENT));
    }

    private static TargetCheck notMeasured(String target) {
        return new TargetCheck(target, "not measured in this run", Optional.empty());
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
