package com.zava.retail.adapters.postgres;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The one definition of how the schema is migrated, used by the application's Flyway and by tests.
 * Migrations run as the owner role; the history table lives in its own schema so the runtime role,
 * which may read all of {@code retail}, never sees it.
 */
public final class PostgresMigrations {

    /** Schema of Flyway's history table. */
    public static final String HISTORY_SCHEMA = "zava_migrations";
    /** The schema the migrations manage. */
    public static final String RETAIL_SCHEMA = "retail";
    /** The audit trail's schema: the runtime role may append to it, never read it. */
    public static final String AUDIT_SCHEMA = "audit";
    /** API keys of HTTP callers: the runtime role may look them up, never change them. */
    public static final String AUTH_SCHEMA = "auth";

    private PostgresMigrations() {
    }

    /** Applies the product's migration settings to a Flyway configuration. */
    public static FluentConfiguration configure(FluentConfiguration configuration, MigrationSettings settings) {
        return configuration
                .locations("classpath:db/migration")
                .schemas(HISTORY_SCHEMA, RETAIL_SCHEMA, AUDIT_SCHEMA, AUTH_SCHEMA)
                .defaultSchema(HISTORY_SCHEMA)
                .createSchemas(true)
                .placeholders(Map.of(
                        "app_role", settings.appRole(),
                        "embedding_dimensions", Integer.toString(settings.embeddingDimensions())))
                .validateMigrationNaming(true);
    }

    /** A Flyway for the given owner connection, e.g. for the {@code db migrate} command or tests. */
    public static Flyway flyway(DataSource ownerDataSource, MigrationSettings settings) {
        return configure(Flyway.configure(), settings).dataSource(ownerDataSource).load();
    }
}
