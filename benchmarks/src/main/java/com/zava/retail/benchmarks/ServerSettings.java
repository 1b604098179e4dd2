package com.zava.retail.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the harness starts the packaged server: the same {@code java -jar} a user types, against the
 * development database, with the few settings a benchmark needs changed (and printed in the report).
 *
 * @param jar         the packaged server
 * @param javaOptions extra JVM options (none by default: the JVM's own defaults, as {@code make run})
 * @param database    the database and its roles
 * @param logDir      where each server's stdout and stderr go
 */
record ServerSettings(Path jar, List<String> javaOptions, DatabaseSettings database, Path logDir) {

    /**
     * Settings that differ from the defaults, and why: the per-manager limits protect a shared server
     * from one runaway agent, and would otherwise turn the load test into a test of the limiter
     * (60 calls a minute, 6 reads at once per manager; every benchmark client is head office).
     */
    static final Map<String, String> TUNING = tuning();

    private static Map<String, String> tuning() {
        Map<String, String> tuning = new LinkedHashMap<>();
        // The highest values the server accepts (RateLimit allows up to 1,000,000): a bucket of a
        // million calls refilled at 16,667 a second is far more than two cores can serve.
        tuning.put("ZAVA_RATE_LIMIT_TOOL_CALLS_PER_MINUTE", "1000000");
        tuning.put("ZAVA_RATE_LIMIT_TOOL_CALLS_BURST", "1000000");
        tuning.put("ZAVA_DATABASE_MAX_CONCURRENT_READS_PER_MANAGER", "1000");
        return java.util.Collections.unmodifiableMap(tuning);
    }

    /** The head office manager id: every benchmark call sees all stores. */
    static final String HEAD_OFFICE = DataFacts.HEAD_OFFICE;

    /** The child's environment on top of the harness's own. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", database.app().user());
        env.put("SPRING_DATASOURCE_PASSWORD", database.app().password().orElse(""));
        env.put("ZAVA_DATABASE_APP_ROLE", database.app().user());
        env.put("SPRING_FLYWAY_USER", database.owner().user());
        env.put("SPRING_FLYWAY_PASSWORD", database.owner().password().orElse(""));
        // Whatever the caller's shell has set, measure the defaults a user gets.
        env.put("ZAVA_SECURITY_MODE", "api-key");
        env.put("ZAVA_LOG_FORMAT", "text");
        env.putAll(TUNING);
        return env;
    }

    /**
     * {@code java [options] -jar <jar> <args>} with the harness's own Java. A stdio server starts
     * the way the VS Code entry of {@code make run} starts it: from the extracted jar with its
     * class-data sharing archive, when {@code infra/local/stdio-cds.sh} prepared them.
     */
    List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(javaOptions);
        Path app = jar.toAbsolutePath().getParent().resolve("app");
        if (List.of(args).contains("stdio") && Files.isRegularFile(app.resolve("zava-retail-mcp.jsa"))) {
            command.add("-XX:SharedArchiveFile=" + app.resolve("zava-retail-mcp.jsa"));
            command.add("-Xlog:disable");
            command.add("-Xlog:all=warning:stderr");
            command.add("-jar");
            command.add(app.resolve("zava-retail-mcp.jar").toString());
            command.addAll(List.of(args));
            return command;
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return command;
    }

    ProcessBuilder processBuilder(Path log, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(environment());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder;
    }

    Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
