package com.zava.retail.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident set size of a process, from {@code /proc/<pid>/status} (VmRSS): what the operating
 * system actually holds in RAM for it, heap, metaspace, code cache, thread stacks and native
 * libraries (ONNX Runtime) included, which is what a container's memory limit counts.
 */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** @return kibibytes, or -1 when the process is gone or /proc is not there */
    static long kib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Samples a process every 200 ms in the background and keeps the highest value seen. */
    static final class Peak implements AutoCloseable {

        private final long pid;
        private final Thread sampler;
        private volatile long peak;
        private volatile boolean running = true;

        Peak(long pid) {
            this.pid = pid;
            this.peak = kib(pid);
            this.sampler = new Thread(this::sample, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            while (running) {
                peak = Math.max(peak, kib(pid));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakKib() {
            return Math.max(peak, kib(pid));
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
        }
    }
}
