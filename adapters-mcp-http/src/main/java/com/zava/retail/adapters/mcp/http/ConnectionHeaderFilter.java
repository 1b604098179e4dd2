package com.zava.retail.adapters.mcp.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Leaves the {@code Connection} header to the servlet container. The SDK's Streamable HTTP
 * transport sets {@code Connection: keep-alive} on its event-stream answers; when Tomcat ends a
 * kept-alive connection after its 100th request it adds {@code Connection: close}, so that answer
 * said both. The JDK's HTTP client believed the first and sent its next call into the closing
 * connection, which failed ("header parser received no bytes"; 34 of 32,119 calls on one session,
 * found by {@code make bench}). Connection management is hop-by-hop, the container's job, so the
 * application's attempts to set that header are dropped.
 */
final class ConnectionHeaderFilter implements Filter {

    private static final String CONNECTION = "Connection";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new ContainerOwnsConnection((HttpServletResponse) response));
    }

    private static final class ContainerOwnsConnection extends HttpServletResponseWrapper {

        ContainerOwnsConnection(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!CONNECTION.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!CONNECTION.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
