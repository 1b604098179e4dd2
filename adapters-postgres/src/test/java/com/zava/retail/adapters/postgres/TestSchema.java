package com.zava.retail.adapters.postgres;

import com.zava.retail.testsupport.PostgresTestDatabase;
import com.zava.retail.testsupport.TestServices;
import java.util.List;
import java.util.Map;

/** Gives a test class a freshly migrated, empty retail schema in the test database. */
final class TestSchema {

    static final List<String> TABLES = List.of("stores", "categories", "product_types", "products", "customers",
            "orders", "order_items", "inventory", "product_description_embeddings");

    private TestSchema() {
    }

    static PostgresTestDatabase recreate(int embeddingDimensions) {
        PostgresTestDatabase database = TestServices.postgres();
        database.dropSchemas(PostgresMigrations.RETAIL_SCHEMA, PostgresMigrations.AUDIT_SCHEMA,
                PostgresMigrations.AUTH_SCHEMA, PostgresMigrations.HISTORY_SCHEMA);
        PostgresMigrations.flyway(database.ownerDataSource(),
                new MigrationSettings(database.app().user(), embeddingDimensions)).migrate();
        return database;
    }

    static Map<String, String> checksums(PostgresTestDatabase database) {
        return database.checksums(PostgresMigrations.RETAIL_SCHEMA, TABLES);
    }
}
