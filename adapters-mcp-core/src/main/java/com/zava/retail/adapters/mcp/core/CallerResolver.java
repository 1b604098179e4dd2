package com.zava.retail.adapters.mcp.core;

import com.zava.retail.domain.ManagerId;
import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Tells which manager a tool call runs as. Each transport supplies its own: stdio answers with the
 * manager configured for the process, HTTP with the one its authentication put in the transport
 * context. Never from tool arguments.
 */
@FunctionalInterface
public interface CallerResolver {

    /** Transport-context key under which HTTP authentication stores the caller's {@link ManagerId}. */
    String CONTEXT_KEY = "zava.manager";

    /** Transport-context key of the request's correlation id (HTTP sets it; logs and traces carry it). */
    String CORRELATION_KEY = "zava.correlation";

    /**
     * @throws IllegalStateException when the context carries no verified identity; the transport
     *         must have refused such a request before it reached a tool
     */
    ManagerId callerOf(McpTransportContext context);

    /** Reads the manager that the HTTP transport's authentication stored in the context. */
    static CallerResolver fromTransportContext() {
        return context -> {
            Object manager = context == null ? null : context.get(CONTEXT_KEY);
            if (manager instanceof ManagerId id) {
                return id;
            }
            throw new IllegalStateException("A tool call reached the server without a verified caller");
        };
    }

    /** Always the same manager: the stdio process's configured identity. */
    static CallerResolver fixed(ManagerId manager) {
        return context -> manager;
    }
}
