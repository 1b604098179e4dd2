package com.zava.retail.bootstrap;

import com.zava.retail.application.port.out.SeedProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows seed progress on the terminal (stderr, so stdout stays clean). Writes whole lines, at most
 * one every half second per step, so it reads well both in a terminal and in a CI log.
 */
final class TerminalSeedProgress implements SeedProgress {

    private static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final PrintStream out;
    private String step;
    private long total;
    private long stepStarted;
    private long lastPrinted;

    TerminalSeedProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void begin(String step, long total) {
        this.step = step;
        this.total = total;
        this.stepStarted = System.nanoTime();
        this.lastPrinted = stepStarted;
        out.println("[seed] " + step + (total > 0 ? String.format(Locale.ROOT, " (%,d)", total) : "") + " ...");
    }

    @Override
    public synchronized void advance(long done) {
        long now = System.nanoTime();
        if (now - lastPrinted >= MIN_INTERVAL_NANOS && total > 0 && done < total) {
            out.printf(Locale.ROOT, "[seed]   %,d / %,d (%d%%)%n", done, total, done * 100 / total);
            lastPrinted = now;
        }
    }

    @Override
    public synchronized void end() {
        out.printf(Locale.ROOT, "[seed]   done in %.1f s%n", (System.nanoTime() - stepStarted) / 1e9);
        step = null;
    }
}
