package com.zava.retail.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client calling back to back: a warm-up whose calls are thrown away (JIT compilation, pools,
 * caches), then a measurement of fixed length. A fixed time rather than a fixed count keeps the run
 * time predictable whether a call takes 0.3 ms or 300 ms; a minimum count keeps slow scenarios from
 * reporting a percentile of two samples.
 */
final class TimedLoop {

    static final int MIN_CALLS = 5;

    /** Failures are counted, and the first few are shown with their reason, so that a count comes with a cause. */
    private static final int MAX_FAILURES_SHOWN = 20;
    private static final AtomicInteger FAILURES_SHOWN = new AtomicInteger();

    private TimedLoop() {
    }

    static LatencyStats measure(Call call, Duration warmup, Duration duration) {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < warmupEnd) {
            attempt(call, null);
        }
        LatencySamples samples = new LatencySamples();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long finished = start;
        while (finished < end || samples.calls() + samples.errors() < MIN_CALLS) {
            attempt(call, samples);
            finished = System.nanoTime();
        }
        return samples.stats(finished - start);
    }

    /**
     * Two calls measured in turns, A B A B ..., so that anything that drifts during the measurement
     * (caches, another process, CPU frequency) affects both alike: for comparisons such as with and
     * without row-level security. Each gets at least {@link #MIN_CALLS} calls.
     *
     * @return the statistics of {@code a} and of {@code b}, in that order
     */
    static List<LatencyStats> measureInTurns(Call a, Call b, Duration warmup, Duration duration) {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < warmupEnd) {
            attempt(a, null);
            attempt(b, null);
        }
        LatencySamples samplesA = new LatencySamples();
        LatencySamples samplesB = new LatencySamples();
        long start = System.nanoTime();
        long end = start + 2 * duration.toNanos(); // the same time per call as two separate measurements
        long finished = start;
        while (finished < end || samplesA.calls() + samplesA.errors() < MIN_CALLS) {
            attempt(a, samplesA);
            attempt(b, samplesB);
            finished = System.nanoTime();
        }
        // Each ran about half of the time; throughput is not reported for these, latency is.
        long wall = finished - start;
        return List.of(samplesA.stats(wall / 2), samplesB.stats(wall / 2));
    }

    /** Runs one call; records its latency (or an error) when {@code samples} is given. */
    static void attempt(Call call, LatencySamples samples) {
        long before = System.nanoTime();
        boolean ok;
        String failure = "the answer was not a success";
        try {
            ok = call.run();
        } catch (Exception e) {
            ok = false;
            failure = e.toString();
        }
        long latency = System.nanoTime() - before;
        if (!ok && FAILURES_SHOWN.getAndIncrement() < MAX_FAILURES_SHOWN) {
            Progress.say("a call failed%s: %s", samples == null ? " during warm-up" : "", failure);
        }
        if (samples != null) {
            if (ok) {
                samples.record(latency);
            } else {
                samples.error();
            }
        }
    }
}
