package com.zava.retail.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Many clients calling back to back at once, each on its own thread with its own MCP client: a
 * closed loop, so throughput is what the server sustains at that concurrency. All clients warm up
 * together, then every call that starts inside the measured window is recorded; the window ends
 * when the last of those calls returns. The server's and the harness's CPU time over that window
 * are read too.
 */
final class LoadTest {

    private LoadTest() {
    }

    /** What one level measured: latencies, and the CPU it cost per successful call. */
    record Outcome(LatencyStats stats, ProcessCpu.PerCall cpu) {
    }

    /** @param calls one call per client; the list's size is the concurrency */
    static Outcome run(List<Call> calls, Duration warmup, Duration duration, ProcessCpu cpu)
            throws InterruptedException {
        int clients = calls.size();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<LatencySamples> perClient = new ArrayList<>();
        long[] lastFinish = new long[clients];
        long[] window = new long[2]; // measurement start (= warm-up end) and end, set before go
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            LatencySamples samples = new LatencySamples();
            perClient.add(samples);
            Call call = calls.get(i);
            int index = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                while (System.nanoTime() < window[0]) {
                    TimedLoop.attempt(call, null);
                }
                long now = System.nanoTime();
                while (now < window[1]) {
                    TimedLoop.attempt(call, samples);
                    now = System.nanoTime();
                }
                lastFinish[index] = now;
            }, "load-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        window[0] = start + warmup.toNanos();
        window[1] = window[0] + duration.toNanos();
        go.countDown(); // the latch publishes window[] to the client threads
        Thread.sleep(Math.max(0, (window[0] - System.nanoTime()) / 1_000_000));
        ProcessCpu.Mark measuring = cpu.mark();
        for (Thread thread : threads) {
            thread.join();
        }
        long end = window[1];
        for (long finish : lastFinish) {
            end = Math.max(end, finish);
        }
        LatencyStats stats = LatencySamples.merge(perClient).stats(end - window[0]);
        return new Outcome(stats, cpu.since(measuring, stats.calls()));
    }
}
