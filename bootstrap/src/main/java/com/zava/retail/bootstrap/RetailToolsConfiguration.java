package com.zava.retail.bootstrap;

import com.zava.retail.adapters.mcp.core.McpSalesTools;
import com.zava.retail.application.port.in.DescribeTablesUseCase;
import com.zava.retail.application.port.in.GetCurrentUtcDateUseCase;
import com.zava.retail.application.port.in.RunSalesQueryUseCase;
import com.zava.retail.application.port.in.SearchProductsUseCase;
import com.zava.retail.application.port.out.AuditTrail;
import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.ProductSimilaritySearch;
import com.zava.retail.application.port.out.SalesQueries;
import com.zava.retail.application.port.out.SchemaCatalog;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.application.service.CurrentTimeService;
import com.zava.retail.application.service.InMemorySchemaDescriptionCache;
import com.zava.retail.application.service.ProductSearchService;
import com.zava.retail.application.service.SalesQueryService;
import com.zava.retail.application.service.TableSchemaService;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Wiring of the four retail use cases and the MCP tool catalogue both transports serve. */
@Configuration(proxyBeanMethods = false)
class RetailToolsConfiguration {

    @Bean
    DescribeTablesUseCase describeTables(SchemaCatalog catalog, Clock clock,
            @Value("${zava.cache.schema-ttl:300s}") Duration schemaTtl) {
        return new TableSchemaService(catalog, new InMemorySchemaDescriptionCache(clock, schemaTtl));
    }

    @Bean
    RunSalesQueryUseCase runSalesQuery(SalesQueries queries) {
        return new SalesQueryService(queries);
    }

    /** Lazy so the model loads on the first search, not on every start of a short stdio session. */
    @Bean
    @Lazy
    SearchProductsUseCase searchProducts(@Lazy TextEmbedder embedder, @Lazy ProductSimilaritySearch search) {
        return new ProductSearchService(embedder, search);
    }

    @Bean
    GetCurrentUtcDateUseCase currentUtcDate(Clock clock) {
        return new CurrentTimeService(clock);
    }

    @Bean
    McpSalesTools mcpSalesTools(DescribeTablesUseCase describeTables, RunSalesQueryUseCase runSalesQuery,
            @Lazy SearchProductsUseCase searchProducts, GetCurrentUtcDateUseCase currentUtcDate, AuditTrail audit) {
        return new McpSalesTools(describeTables, runSalesQuery, searchProducts, currentUtcDate, audit);
    }
}
