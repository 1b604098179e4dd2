package com.zava.retail.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the server process and of the harness itself over a window. On a two-core machine
 * the clients compete with the server for the same cores; the split shows who a load level's
 * throughput was spent on.
 */
final class ProcessCpu {

    /**
     * Clock ticks per second of {@code /proc/<pid>/stat}: Linux's USER_HZ, which the kernel fixes at
     * 100 for user space whatever its internal tick rate.
     */
    private static final long TICKS_PER_SECOND = 100;

    /** CPU used during a window, per successful call. */
    record PerCall(double serverMs, double harnessMs) {

        static final PerCall UNKNOWN = new PerCall(Double.NaN, Double.NaN);
    }

    /** CPU totals at the start of a window. */
    record Mark(long serverNanos, long harnessNanos) {
    }

    private final long serverPid;

    ProcessCpu(long serverPid) {
        this.serverPid = serverPid;
    }

    Mark mark() {
        return new Mark(serverNanos(serverPid), harnessNanos());
    }

    /** From {@code start} to now, divided by {@code calls}; unknown when a reading failed or nothing was called. */
    PerCall since(Mark start, long calls) {
        Mark end = mark();
        if (calls <= 0 || start.serverNanos() < 0 || end.serverNanos() < 0 || start.harnessNanos() < 0) {
            return PerCall.UNKNOWN;
        }
        return new PerCall((end.serverNanos() - start.serverNanos()) / 1e6 / calls,
                (end.harnessNanos() - start.harnessNanos()) / 1e6 / calls);
    }

    /** User and system time of a process, from fields 14 and 15 of {@code /proc/<pid>/stat}; -1 if unreadable. */
    static long serverNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count from its end.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This JVM's CPU time (every thread: clients, their HTTP machinery, GC, JIT); -1 if unsupported. */
    static long harnessNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
