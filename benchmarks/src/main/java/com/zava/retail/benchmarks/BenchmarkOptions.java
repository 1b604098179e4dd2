package com.zava.retail.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What one run of the harness measures and how long; parsed from the command line.
 *
 * @param duration        measured time per load level (and per repeated memory run)
 * @param warmup          calls made and thrown away before each measurement
 * @param serverWarmup    concurrent mixed calls a new HTTP server gets before anything is measured
 * @param latencyDuration measured time per single-client latency scenario
 * @param levels          numbers of concurrent clients in the load test
 * @param memoryRuns      repeated 32-client runs whose resident memory is compared
 * @param stdioStarts     starts timed to {@code initialize} over stdio (the median is reported)
 * @param httpStarts      starts timed to {@code /ready} over HTTP (the median is reported)
 * @param jar             the packaged server
 * @param output          the Markdown report to write
 * @param logDir          where the servers' own logs go, for looking into a failure
 * @param serverJavaOptions extra JVM options for the server processes (none by default)
 * @param database        how to reach PostgreSQL and as whom
 */
record BenchmarkOptions(
        Duration duration,
        Duration warmup,
        Duration serverWarmup,
        Duration latencyDuration,
        List<Integer> levels,
        int memoryRuns,
        int stdioStarts,
        int httpStarts,
        Path jar,
        Path output,
        Path logDir,
        List<String> serverJavaOptions,
        DatabaseSettings database) {

    static final String USAGE = """
            Usage: java -cp ... com.zava.retail.benchmarks.BenchmarkMain [options]   (normally: make bench)

              --duration D           measured time per load level and memory run (default 20s)
              --warmup D             warm-up before every measurement (default 5s)
              --server-warmup D      concurrent calls of every tool a new HTTP server gets before
                                     its first measurement, so the JIT has compiled it (default 30s)
              --latency-duration D   measured time per single-client scenario (default: half of --duration)
              --levels N,N,...       concurrent clients in the load test (default 1,8,32,128)
              --memory-runs N        repeated 32-client runs for memory growth (default 3)
              --stdio-starts N       stdio starts to time (default 5)
              --http-starts N        HTTP starts to time (default 3)
              --jar PATH             the server jar (default bootstrap/target/zava-retail-mcp.jar)
              --output PATH          the report (default docs/benchmarks.md)
              --log-dir PATH         the servers' logs (default benchmarks/target/bench-logs)
              --server-java-options "..."  extra JVM options for the servers, e.g. "-Xmx256m"
              --jdbc-url URL         the development database (default jdbc:postgresql://127.0.0.1:5432/zava)

            Durations: 500ms, 2s, 1m. Database roles come from the same environment variables as
            infra/local/provision.sh: ZAVA_DB_APP / ZAVA_DB_APP_PASSWORD (zava_app / zava_app_dev),
            ZAVA_DB_OWNER / ZAVA_DB_OWNER_PASSWORD (zava_owner / zava_owner_dev), ZAVA_DB_SUPERUSER (postgres).
            """;

    BenchmarkOptions {
        levels = List.copyOf(levels);
        serverJavaOptions = List.copyOf(serverJavaOptions);
        if (levels.isEmpty() || levels.stream().anyMatch(level -> level < 1)) {
            throw new IllegalArgumentException("--levels needs positive numbers of clients, e.g. 1,8,32,128");
        }
        if (memoryRuns < 1 || stdioStarts < 1 || httpStarts < 1) {
            throw new IllegalArgumentException("--memory-runs, --stdio-starts and --http-starts must be at least 1");
        }
    }

    /** The level used for the memory measurement and the 32-client targets. */
    int memoryLevel() {
        return levels.contains(32) ? 32 : levels.get(levels.size() - 1);
    }

    static BenchmarkOptions parse(String[] args, Function<String, String> environment) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected '" + arg + "'.");
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option " + name + " needs a value.");
            }
            values.put(name, value);
        }
        List<String> known = List.of("--duration", "--warmup", "--server-warmup", "--latency-duration", "--levels", "--memory-runs",
                "--stdio-starts", "--http-starts", "--jar", "--output", "--log-dir", "--server-java-options",
                "--jdbc-url");
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option '" + name + "'. Options: " + String.join(", ", known));
            }
        }
        Duration duration = duration(values.getOrDefault("--duration", "20s"), "--duration");
        Duration latency = values.containsKey("--latency-duration")
                ? duration(values.get("--latency-duration"), "--latency-duration")
                : duration.dividedBy(2);
        return new BenchmarkOptions(
                duration,
                duration(values.getOrDefault("--warmup", "5s"), "--warmup"),
                duration(values.getOrDefault("--server-warmup", "30s"), "--server-warmup"),
                latency,
                levels(values.getOrDefault("--levels", "1,8,32,128")),
                count(values.getOrDefault("--memory-runs", "3"), "--memory-runs"),
                count(values.getOrDefault("--stdio-starts", "5"), "--stdio-starts"),
                count(values.getOrDefault("--http-starts", "3"), "--http-starts"),
                Path.of(values.getOrDefault("--jar", "bootstrap/target/zava-retail-mcp.jar")),
                Path.of(values.getOrDefault("--output", "docs/benchmarks.md")),
                Path.of(values.getOrDefault("--log-dir", "benchmarks/target/bench-logs")),
                words(values.getOrDefault("--server-java-options", "")),
                DatabaseSettings.from(values.getOrDefault("--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/zava"),
                        environment));
    }

    /** Parses {@code 500ms}, {@code 20s} or {@code 2m}. */
    static Duration duration(String text, String option) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("-")) {
            throw new IllegalArgumentException(option + " cannot be negative, was '" + text + "'.");
        }
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(option + " takes a duration such as 500ms, 20s or 2m, not '" + text + "'.");
    }

    private static List<Integer> levels(String text) {
        List<Integer> levels = new ArrayList<>();
        for (String part : text.split(",")) {
            levels.add(count(part, "--levels"));
        }
        return levels;
    }

    private static int count(String text, String option) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'.");
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    /** Thrown for {@code --help}: the caller prints {@link #USAGE}. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
