package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.application.port.out.ProductSimilaritySearch;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.RowLimit;
import com.zava.retail.domain.SimilarityThreshold;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Cosine similarity search over product descriptions with pgvector, through JPA: hibernate-vector's
 * {@code cosine_distance} becomes pgvector's {@code <=>} operator, which the HNSW index
 * ({@code vector_cosine_ops}) serves.
 */
class JpaProductSimilaritySearch implements ProductSimilaritySearch {

    static final List<String> COLUMNS = List.of("product_id", "sku", "product_name", "category_name", "type_name",
            "base_price", "product_description", "sp");

    /** A search answers a person waiting in a chat; longer than this is a failure, not a result. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    /** pgvector's default {@code hnsw.ef_search}. */
    private static final int DEFAULT_EF_SEARCH = 40;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    // Distances are compared and ordered by the expression the HNSW index is built for (the
    // column's <=> distance to the query vector), and only by it: a tie-breaking second sort key
    // would stop the index from producing the order. The model filter keeps vectors of another
    // model, which live in another space, out of every comparison.
    // The query vector is the first argument on purpose. Hibernate lets a parameter in the last
    // argument of a function stand for a list, and does not cache the SQL of a query with such a
    // parameter: with the vector last, every search translated the query into SQL again. <=> is
    // symmetric and PostgreSQL commutes it to use the index (a test checks the plan).
    private static final String SEARCH = """
            select p.productId, p.sku, p.productName, c.categoryName, t.typeName, p.basePrice,
                   p.productDescription, cosine_distance(:vector, e.descriptionEmbedding)
              from ProductDescriptionEmbeddingEntity e
              join e.product p
              join p.category c
              join p.productType t
             where e.model = :model
               and cosine_distance(:vector, e.descriptionEmbedding) <= :maxDistance
             order by cosine_distance(:vector, e.descriptionEmbedding)
            """;

    private final ReadOnlyJpaTransactions transactions;

    /** Whether Hibernate has parsed {@link #SEARCH} into its interpretation cache yet. */
    private volatile boolean interpreted;

    /**
     * @param entityManagerFactory the factory whose persistence unit holds this package's entities,
     *                             connected as the runtime (non-owner) role
     * @param transactionManager   the {@code JpaTransactionManager} of that factory
     * @param gate                 the bulkheads and circuit breaker every read of a caller passes
     */
    JpaProductSimilaritySearch(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
            DatabaseGate gate) {
        this.transactions = new ReadOnlyJpaTransactions(entityManagerFactory, transactionManager, STATEMENT_TIMEOUT,
                gate);
    }

    @Override
    public QueryResult findSimilar(ManagerId caller, float[] vector, EmbeddingModel model, RowLimit limit,
            SimilarityThreshold threshold) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(threshold, "threshold");
        float[] query = checkedVector(vector, model);
        // An HNSW index scan yields at most ef_search candidates before the WHERE clause filters
        // them, so with pgvector's default of 40 a request for up to 100 rows would silently get
        // at most 40. Raising it to the limit keeps the index's answer complete.
        Map<String, String> indexSettings =
                Map.of("hnsw.ef_search", Integer.toString(Math.max(DEFAULT_EF_SEARCH, limit.value())));
        List<Object[]> found = transactions.read("The product search", Optional.of(caller), indexSettings,
                entityManager -> searchQuery(entityManager)
                        .setParameter("vector", query)
                        .setParameter("model", model.id())
                        .setParameter("maxDistance", threshold.maxCosineDistance())
                        .setMaxResults(limit.value())
                        .getResultList());
        List<List<Object>> rows = new ArrayList<>(found.size());
        for (Object[] row : found) {
            List<Object> values = new ArrayList<>(Arrays.asList(row).subList(0, 7));
            values.add(similarityPercent(((Number) row[7]).doubleValue()));
            rows.add(values);
        }
        return QueryResult.complete(COLUMNS, rows);
    }

    /**
     * The search as a query of this entity manager. Hibernate caches the parsed query, but does not
     * stop concurrent first calls from each parsing it: 32 searches arriving at a new server parsed
     * it 32 times at once, and their parser state (ANTLR prediction) took the live heap to 93 MB,
     * where searches otherwise keep about 50 MB live. So one caller parses it while any others wait,
     * and they and later calls find it in the cache.
     */
    private TypedQuery<Object[]> searchQuery(EntityManager entityManager) {
        if (interpreted) {
            return entityManager.createQuery(SEARCH, Object[].class);
        }
        synchronized (this) {
            TypedQuery<Object[]> query = entityManager.createQuery(SEARCH, Object[].class);
            interpreted = true;
            return query;
        }
    }

    /** Similarity in percent, two decimals: (1 - cosine distance) * 100. */
    static BigDecimal similarityPercent(double cosineDistance) {
        // BigDecimal.valueOf uses the shortest decimal that names the double, so a distance of
        // 0.19999999999999996 (1 - 0.8 in binary) reads as 80.00, not 79.99.
        return BigDecimal.valueOf(1.0 - cosineDistance).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    private static float[] checkedVector(float[] vector, EmbeddingModel model) {
        Objects.requireNonNull(vector, "vector");
        // Both are programming errors upstream (the embedder and the configured model disagree),
        // so they are not turned into domain errors; caught here, they never reach the database as
        // an obscure "different vector dimensions" failure.
        if (vector.length != model.dimensions()) {
            throw new IllegalArgumentException("query vector has " + vector.length + " components, model "
                    + model.id() + " makes " + model.dimensions());
        }
        for (float component : vector) {
            if (!Float.isFinite(component)) {
                throw new IllegalArgumentException("query vector has a non-finite component");
            }
        }
        return vector.clone();
    }
}
