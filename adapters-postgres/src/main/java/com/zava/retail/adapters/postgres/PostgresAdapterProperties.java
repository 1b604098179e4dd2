package com.zava.retail.adapters.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PostgreSQL adapter ({@code zava.database.*}).
 *
 * @param appRole             role that gets read-only grants; must be the role of
 *                            {@code spring.datasource.username} ({@code ZAVA_DATABASE_APP_ROLE})
 * @param embeddingDimensions vector size used when the embeddings table is first created
 *                            ({@code ZAVA_DATABASE_EMBEDDING_DIMENSIONS})
 * @param ownerUsername       owner role used for seeding; defaults to the migration user
 * @param ownerPassword       its password; defaults to the migration password
 */
@ConfigurationProperties(prefix = "zava.database")
public record PostgresAdapterProperties(
        @DefaultValue("zava_app") String appRole,
        @DefaultValue("384") int embeddingDimensions,
        String ownerUsername,
        String ownerPassword) {

    MigrationSettings migrationSettings() {
        return new MigrationSettings(appRole, embeddingDimensions);
    }

    @Override
    public String toString() {
        return "PostgresAdapterProperties[appRole=" + appRole + ", embeddingDimensions=" + embeddingDimensions
                + ", ownerUsername=" + ownerUsername + ", ownerPassword=****]";
    }
}
