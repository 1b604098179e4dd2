package com.zava.retail.adapters.mcp.core;

import com.zava.retail.domain.ManagerId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What operators see of a tool call: an observation named {@code zava.tool.call} (a latency
 * histogram by tool, transport and outcome, and a trace span that the database spans nest under),
 * a count per manager, and one log line with the correlation id, manager, tool, duration and
 * outcome in the MDC. The statement appears only as its fingerprint; a call slower than the
 * threshold is logged at WARN.
 */
public final class ToolCallTelemetry {

    /** MDC keys; JSON logs carry them as fields. */
    public static final String CORRELATION_ID = "correlationId";
    public static final String MANAGER_ID = "managerId";
    public static final String TOOL = "tool";

    private static final Logger LOG = LoggerFactory.getLogger(ToolCallTelemetry.class);

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final Duration slowCall;
    private final Map<ManagerId, Counter> perManager = new ConcurrentHashMap<>();

    public ToolCallTelemetry(ObservationRegistry observations, MeterRegistry meters, Duration slowCall) {
        this.observations = observations;
        this.meters = meters;
        this.slowCall = slowCall;
    }

    /** Telemetry that goes nowhere, for tests of the tools themselves. */
    public static ToolCallTelemetry none() {
        return new ToolCallTelemetry(ObservationRegistry.NOOP, new SimpleMeterRegistry(), Duration.ofSeconds(1));
    }

    /** One call in progress; {@link #close} ends it exactly once. */
    public final class Call implements AutoCloseable {

        private final String tool;
        private final ManagerId caller;
        private final Observation observation;
        private final Observation.Scope scope;
        private final long startNanos = System.nanoTime();
        private String outcome = "INTERNAL";
        private int rows;
        private Optional<String> fingerprint = Optional.empty();

        private Call(String tool, ManagerId caller, String transport, String correlationId) {
            this.tool = tool;
            this.caller = caller;
            MDC.put(CORRELATION_ID, correlationId);
            MDC.put(MANAGER_ID, caller.value().toString());
            MDC.put(TOOL, tool);
            this.observation = Observation.createNotStarted("zava.tool.call", observations)
                    .contextualName("tool " + tool)
                    .lowCardinalityKeyValue("tool", tool)
                    .lowCardinalityKeyValue("transport", transport)
                    .highCardinalityKeyValue("zava.manager_id", caller.value().toString())
                    .highCardinalityKeyValue("zava.correlation_id", correlationId)
                    .start();
            this.scope = observation.openScope();
        }

        /** {@code ok}, or the error code of a failed call. */
        public void outcome(String outcome, int rows, Optional<String> fingerprint) {
            this.outcome = outcome;
            this.rows = rows;
            this.fingerprint = fingerprint;
        }

        @Override
        public void close() {
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            try {
                // Logged while the call's span is still current, so the line carries its trace id.
                String statement = fingerprint.map(f -> " statement=" + f).orElse("");
                if (took.compareTo(slowCall) > 0) {
                    LOG.warn("slow tool call tool={} outcome={} rows={} durationMs={}{}", tool, outcome, rows,
                            took.toMillis(), statement);
                } else {
                    LOG.info("tool call tool={} outcome={} rows={} durationMs={}{}", tool, outcome, rows,
                            took.toMillis(), statement);
                }
                perManager.computeIfAbsent(caller, id -> Counter.builder("zava.tool.calls.by.manager")
                        .description("Tool calls per store manager (head office included)")
                        .tag("manager", id.value().toString()).register(meters)).increment();
            } finally {
                observation.lowCardinalityKeyValue("outcome", outcome);
                scope.close();
                observation.stop();
                MDC.remove(CORRELATION_ID);
                MDC.remove(MANAGER_ID);
                MDC.remove(TOOL);
            }
        }
    }

    /**
     * Runs a use case as a child span of the current call, so a trace shows MCP call, use case
     * and the database spans beneath it.
     */
    public <T> T useCase(String name, java.util.function.Supplier<T> work) {
        return Observation.createNotStarted("zava.use.case", observations).contextualName(name)
                .lowCardinalityKeyValue("use.case", name).observe(work);
    }

    public Call start(String tool, ManagerId caller, String transport, String correlationId) {
        return new Call(tool, caller, transport, correlationId);
    }
}
