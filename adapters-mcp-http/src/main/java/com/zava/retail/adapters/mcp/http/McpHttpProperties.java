package com.zava.retail.adapters.mcp.http;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Streamable HTTP settings ({@code zava.http.*}).
 *
 * @param endpoint             path of the MCP endpoint ({@code ZAVA_HTTP_ENDPOINT})
 * @param sessionMode          {@code stateful} (sessions, server-to-client streams) or {@code stateless}
 *                             (every POST stands alone; for replicas behind a load balancer)
 *                             ({@code ZAVA_HTTP_SESSION_MODE})
 * @param sessionIdleSweep     how often idle stateful sessions are swept; one idle for a whole
 *                             period is closed ({@code ZAVA_HTTP_SESSION_IDLE_SWEEP})
 * @param maxRequestBytes      largest accepted request body ({@code ZAVA_HTTP_MAX_REQUEST_BYTES})
 * @param allowedOrigins       browser origins allowed to call (DNS-rebinding defence); requests
 *                             without an Origin header are not browsers and pass
 *                             ({@code ZAVA_HTTP_ALLOWED_ORIGINS}, comma-separated)
 * @param allowedHosts         Host header values accepted ({@code ZAVA_HTTP_ALLOWED_HOSTS})
 */
@ConfigurationProperties(prefix = "zava.http")
public record McpHttpProperties(
        @DefaultValue("/mcp") String endpoint,
        @DefaultValue("stateful") SessionMode sessionMode,
        @DefaultValue("30m") Duration sessionIdleSweep,
        @DefaultValue("1048576") int maxRequestBytes,
        @DefaultValue({"http://localhost:*", "http://127.0.0.1:*", "https://localhost:*"}) List<String> allowedOrigins,
        @DefaultValue({"localhost", "localhost:*", "127.0.0.1", "127.0.0.1:*", "[::1]:*"}) List<String> allowedHosts) {

    /** Whether the server keeps MCP sessions. */
    public enum SessionMode { STATEFUL, STATELESS }

    public McpHttpProperties {
        if (!endpoint.startsWith("/")) {
            throw new IllegalArgumentException("zava.http.endpoint must start with '/', was " + endpoint);
        }
        if (maxRequestBytes < 1_024 || maxRequestBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("zava.http.max-request-bytes must be between 1 KiB and 16 MiB, was "
                    + maxRequestBytes);
        }
    }
}
