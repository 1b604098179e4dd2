package com.zava.retail.adapters.postgres;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the PostgreSQL adapter. The application imports this configuration; everything
 * else in the package stays package-private.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostgresAdapterProperties.class)
public class PostgresAdapterConfiguration {

    /** Boot's Flyway runs the product's migrations with the product's settings. */
    @Bean
    FlywayConfigurationCustomizer zavaMigrations(PostgresAdapterProperties properties) {
        MigrationSettings settings = properties.migrationSettings();
        return configuration -> PostgresMigrations.configure(configuration, settings);
    }
}
