package com.zava.retail.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold starts of the packaged jar, one after another (never two at once, so they do not share the
 * two cores): stdio until {@code initialize} is answered, HTTP until {@code /ready} answers 200.
 */
final class StartupBenchmark {

    private StartupBenchmark() {
    }

    static StartupResult stdio(ServerSettings settings, int starts) throws Exception {
        List<Duration> samples = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            try (StdioServer server = StdioServer.start(settings, DataFacts.HEAD_OFFICE, "startup-stdio")) {
                samples.add(server.startToInitialize());
            }
            Progress.say("start-up: stdio %d/%d: initialize answered after %d ms", i, starts,
                    samples.get(samples.size() - 1).toMillis());
        }
        return new StartupResult(Transport.STDIO, "initialize answered", samples);
    }

    static StartupResult http(ServerSettings settings, int starts) throws Exception {
        List<Duration> samples = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            try (HttpServer server = HttpServer.start(settings, "stateful", "startup-http")) {
                samples.add(server.awaitReady(Duration.ofMinutes(3)));
            }
            Progress.say("start-up: HTTP %d/%d: /ready answered 200 after %d ms", i, starts,
                    samples.get(samples.size() - 1).toMillis());
        }
        return new StartupResult(Transport.HTTP_STATEFUL, "/ready answers 200", samples);
    }
}
