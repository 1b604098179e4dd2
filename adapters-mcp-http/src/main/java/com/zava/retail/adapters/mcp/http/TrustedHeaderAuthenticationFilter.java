package com.zava.retail.adapters.mcp.http;

import com.zava.retail.adapters.mcp.core.CallerResolver;
import com.zava.retail.domain.InvalidInputException;
import com.zava.retail.domain.ManagerId;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Trusted-header mode: the manager comes from {@code x-rls-user-id}. A request without it, or with
 * a malformed one, is refused with 401 before it reaches MCP: unlike the original sample, a
 * missing identity never means head office.
 */
final class TrustedHeaderAuthenticationFilter implements Filter {

    static final String HEADER = "x-rls-user-id";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String value = http.getHeader(HEADER);
        if (value == null || value.isBlank()) {
            refuse((HttpServletResponse) response, "Missing " + HEADER + " header: send the manager id (a UUID) of "
                    + "the store manager this session acts for.");
            return;
        }
        try {
            http.setAttribute(CallerResolver.CONTEXT_KEY, ManagerId.parse(value));
        } catch (InvalidInputException e) {
            refuse((HttpServletResponse) response, HEADER + " is malformed: " + e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Zava-Manager realm=\"zava-retail-mcp\", header=\"" + HEADER + "\"");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"" + message.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"}");
    }
}
