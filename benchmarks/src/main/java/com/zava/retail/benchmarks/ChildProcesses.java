package com.zava.retail.benchmarks;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The server processes this harness starts. Every one is stopped when its scenario ends; the
 * shutdown hook stops whatever is left when the harness fails or is interrupted (Ctrl-C), so a
 * failed run never leaves a server holding a port or database connections. Only this process's own
 * descendants are touched.
 */
final class ChildProcesses {

    private ChildProcesses() {
    }

    static void stopAllOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy), "stop-servers"));
    }

    /** Pids of this process's children now; compared before and after a start to find the new one. */
    static Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The one child that was not there before, if any. */
    static java.util.Optional<ProcessHandle> newChild(Set<Long> before) {
        return ProcessHandle.current().children().filter(child -> !before.contains(child.pid())).findFirst();
    }

    /** SIGTERM, then SIGKILL when it has not exited within {@code grace}. */
    static void stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more can be done; the shutdown hook tries once more
            }
        }
    }
}
