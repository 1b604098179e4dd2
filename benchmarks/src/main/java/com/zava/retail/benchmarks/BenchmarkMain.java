package com.zava.retail.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs every benchmark of issue 10 against the packaged server and writes the Markdown report.
 * Started by {@code make bench}, which first provisions the services, builds the jar and seeds the
 * development database; see {@link BenchmarkOptions#USAGE} for the options.
 *
 * <p>Exit codes: 0 when the report was written (whether or not every target was met: a benchmark
 * reports, the report says what was missed), 1 when the run failed, 2 for a wrong option.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, System::getenv);
        } catch (BenchmarkOptions.HelpRequested help) {
            System.err.print(BenchmarkOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        ChildProcesses.stopAllOnExit();
        try {
            BenchmarkResults results = new BenchmarkRun(options).run();
            write(options.output(), MarkdownReport.render(results));
            Progress.say("wrote %s", options.output());
            for (TargetCheck check : TargetCheck.evaluate(results)) {
                Progress.say("target %s: %s -- %s", check.met().map(met -> met ? "met" : "MISSED").orElse("n/a"),
                        check.measured(), check.target());
            }
        } catch (Exception e) {
            Progress.say("FAILED: %s", e.getMessage());
            e.printStackTrace(System.err);
            Progress.say("the servers' logs are in %s", options.logDir());
            System.exit(1);
        }
        // Client threads of the SDK (HTTP selector, reactor schedulers) would keep the JVM alive.
        System.exit(0);
    }

    private static void write(Path output, String markdown) throws java.io.IOException {
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, markdown, StandardCharsets.UTF_8);
    }
}
