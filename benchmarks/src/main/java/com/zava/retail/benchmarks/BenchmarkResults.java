package com.zava.retail.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run measured, and under what conditions; the report is rendered from this alone.
 *
 * @param rawRows rows each query returned (as head office, over raw JDBC)
 * @param took    how long the whole run took
 * @param auditRecordsDropped audit records the HTTP servers logged as dropped (at least)
 */
record BenchmarkResults(
        Instant date,
        Duration took,
        BenchmarkOptions options,
        MachineInfo machine,
        Versions versions,
        DataFacts facts,
        List<SalesQuery> queries,
        Map<String, Integer> rawRows,
        List<ScenarioResult> latencies,
        List<LoadResult> load,
        List<StartupResult> startup,
        MemoryResult memory,
        RlsResult rls,
        List<InTurnsResult> inTurns,
        long auditRecordsDropped) {

    BenchmarkResults {
        inTurns = List.copyOf(inTurns);
        queries = List.copyOf(queries);
        rawRows = Map.copyOf(rawRows);
        latencies = List.copyOf(latencies);
        load = List.copyOf(load);
        startup = List.copyOf(startup);
    }

    Optional<LatencyStats> latency(String scenario, Transport transport) {
        return latencies.stream()
                .filter(result -> result.scenario().equals(scenario) && result.transport() == transport)
                .map(ScenarioResult::stats)
                .findFirst();
    }

    Optional<InTurnsResult> inTurns(Transport transport, String client) {
        return inTurns.stream().filter(result -> result.transport() == transport && result.client().equals(client))
                .findFirst();
    }

    Optional<LoadResult> load(String scenario, int clients) {
        return load.stream().filter(result -> result.scenario().equals(scenario) && result.clients() == clients)
                .findFirst();
    }

    Optional<StartupResult> startup(Transport transport) {
        return startup.stream().filter(result -> result.transport() == transport).findFirst();
    }
}
