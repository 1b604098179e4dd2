package com.zava.retail.bootstrap;

import com.zava.retail.adapters.mcp.core.McpSalesTools;
import com.zava.retail.adapters.mcp.core.RetailUseCases;
import com.zava.retail.adapters.mcp.core.ToolCallTelemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import com.zava.retail.application.port.in.AdmitToolCallUseCase;
import com.zava.retail.application.port.in.DescribeTablesUseCase;
import com.zava.retail.application.port.in.GetCurrentUtcDateUseCase;
import com.zava.retail.application.port.in.RunSalesQueryUseCase;
import com.zava.retail.application.port.in.SearchProductsUseCase;
import com.zava.retail.application.port.out.AuditTrail;
import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.QueryResultCache;
import com.zava.retail.application.port.out.RateLimiter;
import com.zava.retail.application.port.out.SchemaDescriptionCache;
import com.zava.retail.application.port.out.ProductSimilaritySearch;
import com.zava.retail.application.port.out.SalesQueries;
import com.zava.retail.application.port.out.SchemaCatalog;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.application.service.CurrentTimeService;
import com.zava.retail.application.service.NearEmbeddingCache;
import com.zava.retail.application.service.ProductSearchService;
import com.zava.retail.application.service.RateLimitService;
import com.zava.retail.application.service.SalesQueryService;
import com.zava.retail.application.service.TableSchemaService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Wiring of the four retail use cases and the MCP tool catalogue both transports serve. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RetailToolsConfiguration {

    /** Search-phrase vectors this replica keeps in memory in front of the shared cache (1.5 MB). */
    private static final int NEAR_EMBEDDINGS = 1_000;

    @Bean
    DescribeTablesUseCase describeTables(SchemaCatalog catalog, SchemaDescriptionCache cache) {
        return new TableSchemaService(catalog, cache);
    }

    @Bean
    RunSalesQueryUseCase runSalesQuery(SalesQueries queries, QueryResultCache cache) {
        return new SalesQueryService(queries, cache);
    }

    /** Lazy so the model loads on the first search, not on every start of a short stdio session. */
    @Bean
    @Lazy
    SearchProductsUseCase searchProducts(@Lazy TextEmbedder embedder, @Lazy ProductSimilaritySearch search,
            EmbeddingCache cache) {
        return new ProductSearchService(embedder, search, new NearEmbeddingCache(cache, NEAR_EMBEDDINGS));
    }

    /** One service holds both limits; the HTTP adapter asks it about failed authentications. */
    @Bean
    RateLimitService rateLimits(RateLimiter limiter, RateLimitProperties limits, Clock clock) {
        return new RateLimitService(limiter, limits.toolCallLimit(), limits.failedAuthenticationLimit(), clock);
    }

    @Bean
    GetCurrentUtcDateUseCase currentUtcDate(Clock clock) {
        return new CurrentTimeService(clock);
    }

    @Bean
    McpSalesTools mcpSalesTools(DescribeTablesUseCase describeTables, RunSalesQueryUseCase runSalesQuery,
            @Lazy SearchProductsUseCase searchProducts, GetCurrentUtcDateUseCase currentUtcDate,
            AdmitToolCallUseCase admission, AuditTrail audit, ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<MeterRegistry> meters, @Value("${zava.logging.slow-call:1s}") Duration slowCall) {
        return new McpSalesTools(new RetailUseCases(describeTables, runSalesQuery, searchProducts, currentUtcDate,
                admission), audit, new ToolCallTelemetry(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                meters.getIfAvailable(SimpleMeterRegistry::new), slowCall));
    }
}
