package com.zava.retail.adapters.mcp.stdio;

import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Counts JSON-RPC requests read from the client and responses written back, so the process can
 * end exactly when the client has closed its input and has every answer.
 *
 * <p>The SDK's stdio transport stops sending as soon as it reads the end of input, which would
 * drop the answers to requests still running. So the end of input is held back from the
 * transport ({@link #inputEnded} blocks the reading thread) until every request has its answer.
 */
final class RequestLedger {

    private final McpJsonMapper json;
    private long requests;
    private long responses;
    private final Duration drainTimeout;
    private boolean drained;

    RequestLedger(McpJsonMapper json, Duration drainTimeout) {
        this.json = json;
        this.drainTimeout = drainTimeout;
    }

    void read(String line) {
        Map<?, ?> message = parse(line);
        if (message != null && message.containsKey("method") && message.get("id") != null) {
            synchronized (this) {
                requests++;
            }
        }
    }

    void written(String line) {
        Map<?, ?> message = parse(line);
        if (message != null && !message.containsKey("method") && message.containsKey("id")) {
            synchronized (this) {
                responses++;
                notifyAll();
            }
        }
    }

    /** Called on the reading thread at the end of input: returns once every request is answered (or after the drain timeout). */
    synchronized void inputEnded() {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        try {
            while (responses < requests) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            drained = true;
            notifyAll();
        }
    }

    /** Blocks until input has ended and its requests have been answered. */
    synchronized void awaitDone() throws InterruptedException {
        while (!drained) {
            wait();
        }
    }

    private Map<?, ?> parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return json.readValue(line, Map.class);
        } catch (IOException | RuntimeException e) {
            return null; // not JSON: the transport answers it with a parse error, which we do not wait for
        }
    }
}
