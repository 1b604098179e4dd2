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
 * @param maxConcurrentReadsPerManager most reads one manager runs at once, so one caller's slow
 *                            queries leave pooled connections for the others
 *                            ({@code ZAVA_DATABASE_MAX_CONCURRENT_READS_PER_MANAGER}; keep it below
 *                            {@code spring.datasource.hikari.maximum-pool-size})
 * @param bulkheadWait        how long a read waits for one of its manager's slots before it is
 *                            refused ({@code ZAVA_DATABASE_BULKHEAD_WAIT})
 */
@ConfigurationProperties(prefix = "zava.database")
public record PostgresAdapterProperties(
        @DefaultValue("zava_app") String appRole,
        @DefaultValue("384") int embeddingDimensions,
        String ownerUsername,
        String ownerPassword,
        @DefaultValue("6") int maxConcurrentReadsPerManager,
        @DefaultValue("10s") java.time.Duration bulkheadWait) {

    public PostgresAdapterProperties {
        if (maxConcurrentReadsPerManager < 1 || maxConcurrentReadsPerManager > 1_000) {
            throw new IllegalArgumentException("zava.database.max-concurrent-reads-per-manager must be between 1 and "
                    + "1000, was " + maxConcurrentReadsPerManager);
        }
        if (bulkheadWait.isNegative() || bulkheadWait.toMinutes() > 5) {
            throw new IllegalArgumentException("zava.database.bulkhead-wait must be between 0 and 5 min, was "
                    + bulkheadWait);
        }
    }

    MigrationSettings migrationSettings() {
        return new MigrationSettings(appRole, embeddingDimensions);
    }

    @Override
    public String toString() {
        return "PostgresAdapterProperties[appRole=" + appRole + ", embeddingDimensions=" + embeddingDimensions
                + ", ownerUsername=" + ownerUsername + ", ownerPassword=****, maxConcurrentReadsPerManager="
                + maxConcurrentReadsPerManager + ", bulkheadWait=" + bulkheadWait + "]";
    }
}
