package com.zava.retail.adapters.postgres;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * What the stored product description embeddings were made with, so that startup can refuse a
 * configured model whose vectors would be compared with another model's (ARCHITECTURE.md section 7).
 *
 * <p>These reads run on nobody's behalf, so {@code zava.manager_id} stays unset (which sees no store
 * rows); neither table involved is protected by row-level security.
 */
class StoredEmbeddingModels {

    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    private static final String MODEL_IDS =
            "SELECT DISTINCT model FROM retail.product_description_embeddings ORDER BY model";

    // The dimension is the type modifier of the vector column, fixed by the migration placeholder
    // zava.database.embedding-dimensions; to_regclass gives no row instead of an error when the
    // table does not exist.
    private static final String COLUMN_DIMENSIONS = """
            SELECT a.atttypmod
              FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = to_regclass('retail.product_description_embeddings')
               AND a.attname = 'description_embedding'
               AND NOT a.attisdropped
            """;

    private final CatalogueReads reads;

    /** @param dataSource connections as the runtime (non-owner) role */
    StoredEmbeddingModels(DataSource dataSource) {
        // A startup check on nobody's behalf: its own breaker, so its outcome never opens or
        // closes the one that guards the managers' reads.
        DatabaseGate gate = new DatabaseGate(CircuitBreaker.ofDefaults("startup-check"), 1, Duration.ZERO);
        this.reads = new CatalogueReads(new ManagerTransactions(dataSource, gate), STATEMENT_TIMEOUT);
    }

    /**
     * The distinct model ids present in {@code retail.product_description_embeddings}, sorted; empty
     * when no embeddings are stored (before the first seed).
     *
     * @throws com.zava.retail.domain.UnavailableException when the database cannot be used
     */
    List<String> modelIds() {
        return reads.read("Checking the stored embedding models", Optional.empty(), Map.of(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(MODEL_IDS); ResultSet rs = query.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return List.copyOf(ids);
            }
        });
    }

    /**
     * The dimension of the stored vectors ({@code vector(N)} of the embeddings table); empty when
     * the table is missing or its column has no fixed dimension.
     *
     * @throws com.zava.retail.domain.UnavailableException when the database cannot be used
     */
    OptionalInt vectorDimensions() {
        int typmod = reads.read("Checking the stored embedding dimensions", Optional.empty(), Map.of(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(COLUMN_DIMENSIONS);
                 ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
        return typmod < 1 ? OptionalInt.empty() : OptionalInt.of(typmod);
    }
}
