package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.ApiKeyStore;
import com.zava.retail.application.port.out.AuditTrail;
import com.zava.retail.application.port.out.ProductSimilaritySearch;
import com.zava.retail.application.port.out.SalesQueries;
import com.zava.retail.application.port.out.SampleDataStore;
import com.zava.retail.application.port.out.SchemaCatalog;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the PostgreSQL adapter. The application imports this configuration; everything
 * else in the package stays package-private.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PostgresAdapterProperties.class, SalesQueryProperties.class})
public class PostgresAdapterConfiguration {

    /** Name of the circuit breaker every read of a manager's data passes through. */
    public static final String CIRCUIT_BREAKER = "database";

    /** Boot's Flyway runs the product's migrations with the product's settings. */
    @Bean
    FlywayConfigurationCustomizer zavaMigrations(PostgresAdapterProperties properties) {
        MigrationSettings settings = properties.migrationSettings();
        return configuration -> PostgresMigrations.configure(configuration, settings);
    }

    /**
     * One gate for every read a manager causes: shared bulkheads, one circuit breaker, and a queue
     * for the pool's connections that keeps two of them for the audit writer and the readiness check.
     */
    @Bean
    DatabaseGate databaseGate(ObjectProvider<CircuitBreakerRegistry> breakers, PostgresAdapterProperties properties,
            @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        return new DatabaseGate(breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker(CIRCUIT_BREAKER),
                properties.maxConcurrentReadsPerManager(), Math.max(1, poolSize - 2), properties.bulkheadWait());
    }

    @Bean
    SalesQueries salesQueries(DataSource dataSource, DatabaseGate gate, SalesQueryProperties limits) {
        return new PostgresSalesQueries(new ManagerTransactions(dataSource, gate), limits);
    }

    @Bean
    SchemaCatalog schemaCatalog(DataSource dataSource, DatabaseGate gate) {
        return new PostgresSchemaCatalog(new ManagerTransactions(dataSource, gate));
    }

    /** Every tool call, written in the background by the runtime role (which may append, never read). */
    @Bean(destroyMethod = "close")
    AuditTrail auditTrail(DataSource dataSource, @Value("${zava.audit.queue-capacity:10000}") int capacity) {
        return new PostgresAuditTrail(dataSource, capacity);
    }

    /** Cosine search with pgvector, in a read-only transaction with the manager set. */
    @Bean
    ProductSimilaritySearch productSimilaritySearch(DataSource dataSource, DatabaseGate gate) {
        return new PostgresProductSimilaritySearch(new ManagerTransactions(dataSource, gate));
    }

    @Bean
    EmbeddingModelCheck embeddingModelCheck(DataSource dataSource) {
        return new EmbeddingModelCheck(new StoredEmbeddingModels(dataSource));
    }

    /**
     * Seeding writes, which the runtime role cannot: it gets its own unpooled connection as the
     * owner role, opened only while a seed runs.
     */
    @Bean
    SampleDataStore sampleDataStore(DataSourceProperties dataSource, PostgresAdapterProperties properties) {
        return new PostgresSampleDataStore(ownerDataSource(dataSource, properties));
    }

    /** Verification reads through the runtime pool; the {@code keys} command writes as the owner. */
    @Bean
    ApiKeyStore apiKeyStore(DataSource runtime, DataSourceProperties dataSource, PostgresAdapterProperties properties) {
        return new PostgresApiKeyStore(runtime, ownerDataSource(dataSource, properties));
    }

    private static DataSource ownerDataSource(DataSourceProperties dataSource, PostgresAdapterProperties properties) {
        if (properties.ownerUsername() == null || properties.ownerUsername().isBlank()) {
            throw new IllegalStateException("zava.database.owner-username (ZAVA_DATABASE_OWNER_USERNAME) is required "
                    + "for commands that write (db seed, keys): the runtime role may only read");
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(dataSource.determineUrl());
        owner.setUser(properties.ownerUsername());
        owner.setPassword(properties.ownerPassword());
        owner.setApplicationName("zava-admin");
        return owner;
    }
}
