package com.zava.retail.adapters.postgres;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.transaction.PlatformTransactionManager;

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
            "select distinct e.model from ProductDescriptionEmbeddingEntity e order by e.model";

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

    private final ReadOnlyJpaTransactions transactions;

    /**
     * @param entityManagerFactory the factory whose persistence unit holds this package's entities
     * @param transactionManager   the {@code JpaTransactionManager} of that factory
     */
    StoredEmbeddingModels(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager) {
        // A startup check on nobody's behalf: its own breaker, so its outcome never opens or
        // closes the one that guards the managers' reads.
        this.transactions = new ReadOnlyJpaTransactions(entityManagerFactory, transactionManager, STATEMENT_TIMEOUT,
                new DatabaseGate(io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("startup-check"), 1,
                        java.time.Duration.ZERO));
    }

    /**
     * The distinct model ids present in {@code retail.product_description_embeddings}, sorted; empty
     * when no embeddings are stored (before the first seed).
     *
     * @throws com.zava.retail.domain.UnavailableException when the database cannot be used
     */
    List<String> modelIds() {
        return List.copyOf(transactions.read("Checking the stored embedding models", Optional.empty(), Map.of(),
                entityManager -> entityManager.createQuery(MODEL_IDS, String.class).getResultList()));
    }

    /**
     * The dimension of the stored vectors ({@code vector(N)} of the embeddings table); empty when
     * the table is missing or its column has no fixed dimension.
     *
     * @throws com.zava.retail.domain.UnavailableException when the database cannot be used
     */
    OptionalInt vectorDimensions() {
        List<?> found = transactions.read("Checking the stored embedding dimensions", Optional.empty(), Map.of(),
                entityManager -> entityManager.createNativeQuery(COLUMN_DIMENSIONS).getResultList());
        if (found.isEmpty() || !(found.get(0) instanceof Number typmod) || typmod.intValue() < 1) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(typmod.intValue());
    }
}
