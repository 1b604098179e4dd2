package com.zava.retail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine the numbers were taken on; without it a latency means little.
 *
 * @param cores     what {@code nproc} says (the CPUs this process may use)
 * @param memoryMib total RAM
 * @param cpuModel  from {@code /proc/cpuinfo}
 * @param os        distribution and kernel
 */
record MachineInfo(int cores, long memoryMib, String cpuModel, String os) {

    static MachineInfo collect() {
        return new MachineInfo(readCores(), readMemoryMib(), readCpuModel(), readOs());
    }

    private static int readCores() {
        try {
            Process nproc = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            String out = new String(nproc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (nproc.waitFor(5, TimeUnit.SECONDS) && nproc.exitValue() == 0) {
                return Integer.parseInt(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to what the JVM sees, which honours the same affinity mask
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static long readMemoryMib() {
        return field(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
    }

    private static String readCpuModel() {
        return field(Path.of("/proc/cpuinfo"), "model name").orElse("unknown");
    }

    private static String readOs() {
        String distribution = lines(Path.of("/etc/os-release")).stream()
                .filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst().orElse(System.getProperty("os.name"));
        String kernel = lines(Path.of("/proc/sys/kernel/osrelease")).stream().findFirst()
                .orElse(System.getProperty("os.version"));
        return distribution + ", Linux " + kernel;
    }

    /** The value of the first {@code name : value} line. */
    private static Optional<String> field(Path file, String name) {
        return lines(file).stream()
                .filter(line -> line.startsWith(name))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
