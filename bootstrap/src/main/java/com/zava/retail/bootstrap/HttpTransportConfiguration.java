package com.zava.retail.bootstrap;

import com.zava.retail.adapters.mcp.http.McpHttpConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The HTTP transport exists only when the application runs with a web server ({@code serve --transport http}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Import(McpHttpConfiguration.class)
class HttpTransportConfiguration {
}
