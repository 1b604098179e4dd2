package com.zava.retail.adapters.mcp.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728), which the MCP authorization specification
 * asks for: it tells a client which authorization server issues tokens for this server. It reveals
 * no data and is served without authentication.
 */
final class ProtectedResourceMetadataServlet extends HttpServlet {

    static final String PATH = "/.well-known/oauth-protected-resource";
    private static final long serialVersionUID = 1L;

    private final String issuer;
    private final String endpoint;

    ProtectedResourceMetadataServlet(String issuer, String endpoint) {
        this.issuer = issuer;
        this.endpoint = endpoint;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"resource\":\"" + baseUrl(request) + endpoint + "\",\"authorization_servers\":[\""
                + issuer.replace("\"", "") + "\"],\"bearer_methods_supported\":[\"header\"],"
                + "\"resource_name\":\"Zava Retail MCP Server\"}");
    }

    /** The address the client used, so the metadata names this server as the client sees it. */
    static String baseUrl(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
