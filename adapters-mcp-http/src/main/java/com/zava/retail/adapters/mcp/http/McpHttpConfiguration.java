package com.zava.retail.adapters.mcp.http;

import com.zava.retail.adapters.mcp.core.CallerResolver;
import com.zava.retail.adapters.mcp.core.McpSalesTools;
import com.zava.retail.adapters.mcp.core.ServerDescription;
import com.zava.retail.domain.ManagerId;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.zava.retail.application.port.in.AuthenticateApiKeyUseCase;
import com.zava.retail.application.port.in.LimitFailedAuthenticationsUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server over Streamable HTTP, inside Spring Boot's Tomcat: the SDK's servlet transport
 * (stateful or stateless), Origin/Host validation against DNS rebinding, a request size limit and
 * an authentication filter that must name the caller before any MCP message is read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({McpHttpProperties.class, JwtProperties.class})
public class McpHttpConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(McpHttpConfiguration.class);

    /** The transport servlet with the tools registered on an MCP server bound to it. */
    @Bean
    ServletRegistrationBean<HttpServlet> mcpServlet(McpSalesTools tools, McpHttpProperties http,
            @Value("${zava.version:dev}") String version) {
        McpJsonMapper json = tools.jsonMapper();
        DefaultServerTransportSecurityValidator headers = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(http.allowedOrigins())
                .allowedHosts(http.allowedHosts())
                .build();
        McpTransportContextExtractor<HttpServletRequest> callerFromRequest = request -> {
            Object manager = request.getAttribute(CallerResolver.CONTEXT_KEY);
            Object correlation = request.getAttribute(CallerResolver.CORRELATION_KEY);
            if (!(manager instanceof ManagerId)) {
                return McpTransportContext.EMPTY;
            }
            return McpTransportContext.create(correlation instanceof String id
                    ? Map.of(CallerResolver.CONTEXT_KEY, manager, CallerResolver.CORRELATION_KEY, id)
                    : Map.of(CallerResolver.CONTEXT_KEY, manager));
        };
        HttpServlet servlet;
        if (http.sessionMode() == McpHttpProperties.SessionMode.STATELESS) {
            HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                    .jsonMapper(json)
                    .messageEndpoint(http.endpoint())
                    .contextExtractor(callerFromRequest)
                    .httpHeaderValidator(headers)
                    .maxRequestSize(http.maxRequestBytes())
                    .build();
            McpServer.sync(transport)
                    .serverInfo(ServerDescription.implementation(version))
                    .instructions(ServerDescription.instructions())
                    .capabilities(ServerDescription.capabilities())
                    .jsonMapper(json)
                    .validateToolInputs(true)
                    // Both HTTP transports block the servlet thread until the answer is written,
                    // so a tool may run on it: no hand-off to Reactor's boundedElastic pool and
                    // back, two thread switches fewer per call. Concurrency is Tomcat's threads.
                    .immediateExecution(true)
                    .tools(tools.statelessSpecifications(CallerResolver.fromTransportContext(), "http"))
                    .build();
            servlet = transport;
        } else {
            HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(json)
                    .mcpEndpoint(http.endpoint())
                    .contextExtractor(callerFromRequest)
                    .httpHeaderValidator(headers)
                    .maxRequestSize(http.maxRequestBytes())
                    .sessionSweepInterval(http.sessionIdleSweep())
                    .build();
            McpServer.sync(transport)
                    .serverInfo(ServerDescription.implementation(version))
                    .instructions(ServerDescription.instructions())
                    .capabilities(ServerDescription.capabilities())
                    .jsonMapper(json)
                    .validateToolInputs(true)
                    .immediateExecution(true) // as above: the provider blocks the servlet thread too
                    .tools(tools.sessionSpecifications(CallerResolver.fromTransportContext(), "http"))
                    .build();
            servlet = transport;
        }
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, http.endpoint());
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        LOG.info("MCP Streamable HTTP endpoint {} ({} sessions)", http.endpoint(),
                http.sessionMode().name().toLowerCase(java.util.Locale.ROOT));
        return registration;
    }

    /** Outermost: whatever the transport or a filter sets, the container decides about the connection. */
    @Bean
    FilterRegistrationBean<ConnectionHeaderFilter> mcpConnectionHeader(McpHttpProperties http) {
        FilterRegistrationBean<ConnectionHeaderFilter> registration =
                new FilterRegistrationBean<>(new ConnectionHeaderFilter());
        registration.setUrlPatterns(java.util.List.of(http.endpoint()));
        registration.setAsyncSupported(true);
        registration.setOrder(-2);
        return registration;
    }

    /** Before authentication, so even a refused request's log lines carry its correlation id. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> mcpCorrelationIds(McpHttpProperties http) {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setUrlPatterns(java.util.List.of(http.endpoint()));
        registration.setAsyncSupported(true);
        registration.setOrder(-1);
        return registration;
    }

    /** Authentication runs before the transport sees the request. */
    @Bean
    FilterRegistrationBean<AuthenticationFilter> mcpAuthentication(McpHttpProperties http, JwtProperties jwt,
            @Value("${zava.security.mode:api-key}") SecurityMode mode,
            LimitFailedAuthenticationsUseCase failedAuthentications,
            ObjectProvider<AuthenticateApiKeyUseCase> apiKeys, ObjectProvider<MeterRegistry> meters) {
        Function<String, Optional<ManagerId>> bearer = switch (mode) {
            case TRUSTED_HEADER -> {
                LOG.warn("Security mode trusted-header: the {} header decides which store a caller sees. Use it only "
                        + "for local development or behind a gateway that authenticates callers and sets the header "
                        + "itself.", AuthenticationFilter.TRUSTED_HEADER);
                yield token -> Optional.empty();
            }
            case API_KEY -> apiKeys.getObject()::authenticate;
            case JWT -> new JwtCallerVerifier(jwt)::verify;
        };
        LOG.info("Security mode {}", mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        MeterRegistry registry = meters.getIfAvailable();
        Counter failures = registry == null ? null : Counter.builder("zava.auth.failures")
                .description("Requests refused because their identity could not be verified")
                .tag("mode", mode.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
        Counter attempts = registry == null ? null : Counter.builder("zava.auth.attempts")
                .description("Requests whose identity was checked (failures are counted in zava.auth.failures)")
                .tag("mode", mode.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
        AuthenticationFilter filter = new AuthenticationFilter(mode, bearer, failedAuthentications,
                attempts == null ? () -> { } : attempts::increment, failures == null ? () -> { } : failures::increment);
        FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setUrlPatterns(java.util.List.of(http.endpoint()));
        registration.setAsyncSupported(true);
        registration.setOrder(0);
        return registration;
    }

    /** RFC 9728 metadata, only where tokens come from an authorization server (jwt mode). */
    @Bean
    ServletRegistrationBean<ProtectedResourceMetadataServlet> protectedResourceMetadata(JwtProperties jwt,
            McpHttpProperties http, @Value("${zava.security.mode:api-key}") SecurityMode mode) {
        ServletRegistrationBean<ProtectedResourceMetadataServlet> registration = new ServletRegistrationBean<>(
                new ProtectedResourceMetadataServlet(String.valueOf(jwt.issuer()), http.endpoint()),
                ProtectedResourceMetadataServlet.PATH, ProtectedResourceMetadataServlet.PATH + http.endpoint());
        registration.setEnabled(mode == SecurityMode.JWT);
        return registration;
    }
}
