package com.zava.retail.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Many clients calling back to back at once, each on its own thread with its own MCP client: a
 * closed loop, so throughput is what the server sustains at that concurrency. All clients warm up
 * together, then every call that starts inside the measured window is recorded; the window ends
 * when the last of those calls returns.
 */
final class LoadTest {

    private LoadTest() {
    }

    /** @param calls one call per client; the list's size is the concurrency */
    static LatencyStats run(List<Call> calls, Duration warmup, Duration duration) throws InterruptedException {
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
        for (Thread thread : threads) {
            thread.join();
        }
        long end = window[1];
        for (long finish : lastFinish) {
            end = Math.max(end, finish);
        }
        return LatencySamples.merge(perClient).stats(end - window[0]);
    }
}
