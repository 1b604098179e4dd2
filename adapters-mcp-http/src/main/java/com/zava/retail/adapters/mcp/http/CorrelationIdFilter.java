package com.zava.retail.adapters.mcp.http;

import com.zava.retail.adapters.mcp.core.CallerResolver;
import com.zava.retail.adapters.mcp.core.ToolCallTelemetry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is a plain
 * token (a gateway's id joins our logs to its own), otherwise a new one. It is echoed in the
 * response, put in the log MDC for this thread and handed to the tools through the transport
 * context, whose thread may differ.
 */
final class CorrelationIdFilter implements Filter {

    static final String HEADER = "X-Request-Id";
    /** Anything else (too long, control characters, log-injection attempts) is replaced, not logged. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = ((HttpServletRequest) request).getHeader(HEADER);
        String id = offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setAttribute(CallerResolver.CORRELATION_KEY, id);
        ((HttpServletResponse) response).setHeader(HEADER, id);
        MDC.put(ToolCallTelemetry.CORRELATION_ID, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ToolCallTelemetry.CORRELATION_ID);
        }
    }
}
