package com.zava.retail.adapters.mcp.http;

import com.zava.retail.adapters.mcp.core.CallerResolver;
import com.zava.retail.application.port.in.LimitFailedAuthenticationsUseCase;
import com.zava.retail.domain.DomainException;
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
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before any MCP message is read, which manager a request acts for, and refuses it with
 * 401 when that cannot be verified. A missing identity never means head office. Failed attempts
 * are counted per client address (shared by all replicas through Redis when it is there); an
 * address that fails too often gets 429 with Retry-After.
 */
final class AuthenticationFilter implements Filter {

    static final String TRUSTED_HEADER = "x-rls-user-id";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    private final SecurityMode mode;
    private final Function<String, Optional<ManagerId>> bearerVerifier;
    private final LimitFailedAuthenticationsUseCase limiter;
    private final Runnable onAttempt;
    private final Runnable onFailure;

    /**
     * @param bearerVerifier checks the bearer credential of the api-key and jwt modes
     * @param onAttempt      counts an authentication attempt (a metric; failures are a share of it)
     * @param onFailure      counts a failed authentication (a metric)
     */
    AuthenticationFilter(SecurityMode mode, Function<String, Optional<ManagerId>> bearerVerifier,
            LimitFailedAuthenticationsUseCase limiter, Runnable onAttempt, Runnable onFailure) {
        this.onAttempt = onAttempt;
        this.mode = mode;
        this.bearerVerifier = bearerVerifier;
        this.limiter = limiter;
        this.onFailure = onFailure;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        String address = http.getRemoteAddr();
        Duration wait = limiter.waitBeforeAttempt(address);
        if (!wait.isZero()) {
            long retryAfter = Math.max(1, wait.toSeconds());
            out.setStatus(429);
            out.setHeader("Retry-After", Long.toString(retryAfter));
            write(out, "too_many_failed_authentications", "Too many failed authentications from this address; "
                    + "try again in " + retryAfter + " s.");
            return;
        }
        onAttempt.run();
        Optional<ManagerId> manager;
        if (mode != SecurityMode.TRUSTED_HEADER) {
            try {
                manager = bearer(http).flatMap(bearerVerifier);
            } catch (DomainException e) {
                // The credential could not be checked (e.g. the database is away): not the caller's
                // fault, so neither a 401 nor a counted failure.
                LOG.warn("Credential verification unavailable: {}", e.getMessage());
                out.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                out.setHeader("Retry-After", "5");
                write(out, "unavailable", "Credentials cannot be checked right now; try again in a few seconds.");
                return;
            }
        } else {
            manager = trustedHeader(http.getHeader(TRUSTED_HEADER));
        }
        if (manager.isEmpty()) {
            limiter.failed(address);
            onFailure.run();
            out.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            out.setHeader("WWW-Authenticate", challenge(http));
            write(out, "unauthorized", refusal(http));
            return;
        }
        http.setAttribute(CallerResolver.CONTEXT_KEY, manager.get());
        chain.doFilter(request, response);
    }

    /** What went wrong, for the 401 body: the same text for every bad bearer credential. */
    private String refusal(HttpServletRequest request) {
        return switch (mode) {
            case API_KEY -> "A valid API key is required: send 'Authorization: Bearer <key>'.";
            case JWT -> "A valid access token is required: send 'Authorization: Bearer <token>'.";
            case TRUSTED_HEADER -> {
                // Trusted-header mode is for development: say exactly what is wrong with the header.
                String value = request.getHeader(TRUSTED_HEADER);
                yield value == null || value.isBlank()
                        ? "Missing " + TRUSTED_HEADER + " header: send the manager id (a UUID) of the store manager "
                                + "this session acts for."
                        : TRUSTED_HEADER + " is malformed: it must be a UUID such as "
                                + "00000000-0000-0000-0000-000000000000.";
            }
        };
    }

    /** What a client needs to authenticate next time; in jwt mode, where to find the authorization server. */
    private String challenge(HttpServletRequest request) {
        if (mode == SecurityMode.TRUSTED_HEADER) {
            return "Zava-Manager realm=\"zava-retail-mcp\", header=\"" + TRUSTED_HEADER + "\"";
        }
        String invalid = request.getHeader("Authorization") == null ? "" : ", error=\"invalid_token\"";
        if (mode == SecurityMode.JWT) {
            return "Bearer resource_metadata=\"" + ProtectedResourceMetadataServlet.baseUrl(request)
                    + ProtectedResourceMetadataServlet.PATH + "\"" + invalid;
        }
        return "Bearer realm=\"zava-retail-mcp\"" + invalid;
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }

    private static Optional<ManagerId> trustedHeader(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(ManagerId.parse(value));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private static void write(HttpServletResponse response, String error, String message) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"}");
    }
}
