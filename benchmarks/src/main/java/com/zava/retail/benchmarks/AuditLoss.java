package com.zava.retail.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Audit records a server dropped, read from its log. A dropped record is a call the audit trail
 * lost, which no client sees: the server answers and logs the loss (each time the count reaches a
 * power of two, and what is left at shutdown). A run that looked clean from the clients' side
 * while the trail lost records once measured throughput the server could not sustain.
 */
final class AuditLoss {

    private static final Pattern QUEUE_FULL = Pattern.compile("Audit queue full or closed: (\\d+) audit record");
    private static final Pattern AT_SHUTDOWN = Pattern.compile("Shutting down with (\\d+) audit record");

    private AuditLoss() {
    }

    /** At least this many records were dropped (the log names powers of two, then the rest at shutdown). */
    static long dropped(Path serverLog) throws IOException {
        long whileRunning = 0;
        long atShutdown = 0;
        try (Stream<String> lines = Files.lines(serverLog)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher full = QUEUE_FULL.matcher(line);
                if (full.find()) {
                    whileRunning = Math.max(whileRunning, Long.parseLong(full.group(1)));
                }
                Matcher shutdown = AT_SHUTDOWN.matcher(line);
                if (shutdown.find()) {
                    atShutdown += Long.parseLong(shutdown.group(1));
                }
            }
        }
        return whileRunning + atShutdown;
    }
}
