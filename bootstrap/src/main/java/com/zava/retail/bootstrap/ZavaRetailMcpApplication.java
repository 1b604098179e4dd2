package com.zava.retail.bootstrap;

import com.zava.retail.adapters.postgres.PostgresAdapterConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Zava Retail MCP server. Component scanning is limited to this package: adapters are brought
 * in through their configuration classes, services through {@code @Bean} methods, so the wiring
 * can be read in one place.
 */
@SpringBootApplication
@Import(PostgresAdapterConfiguration.class)
public class ZavaRetailMcpApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZavaRetailMcpApplication.class, args);
    }
}
