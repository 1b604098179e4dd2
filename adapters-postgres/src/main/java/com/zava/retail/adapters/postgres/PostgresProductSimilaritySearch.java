package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.application.port.out.ProductSimilaritySearch;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.RowLimit;
import com.zava.retail.domain.SimilarityThreshold;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cosine similarity search over product descriptions with pgvector: the {@code <=>} operator, which
 * the HNSW index ({@code vector_cosine_ops}) serves, in one statement over plain JDBC.
 */
final class PostgresProductSimilaritySearch implements ProductSimilaritySearch {

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
    static final String SEARCH = """
            SELECT p.product_id, p.sku, p.product_name, c.category_name, t.type_name, p.base_price,
                   p.product_description, e.description_embedding <=> ?::vector AS distance
              FROM retail.product_description_embeddings e
              JOIN retail.products p ON p.product_id = e.product_id
              JOIN retail.categories c ON c.category_id = p.category_id
              JOIN retail.product_types t ON t.type_id = p.type_id
             WHERE e.model = ?
               AND e.description_embedding <=> ?::vector <= ?
             ORDER BY e.description_embedding <=> ?::vector
             LIMIT ?
            """;

    private final CatalogueReads reads;

    /**
     * @param transactions reads as the runtime (non-owner) role, through the gate every read of a
     *                     caller passes (bulkheads, circuit breaker)
     */
    PostgresProductSimilaritySearch(ManagerTransactions transactions) {
        this.reads = new CatalogueReads(transactions, STATEMENT_TIMEOUT);
    }

    @Override
    public QueryResult findSimilar(ManagerId caller, float[] vector, EmbeddingModel model, RowLimit limit,
            SimilarityThreshold threshold) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(threshold, "threshold");
        String query = vectorLiteral(checkedVector(vector, model));
        // An HNSW index scan yields at most ef_search candidates before the WHERE clause filters
        // them, so with pgvector's default of 40 a request for up to 100 rows would silently get
        // at most 40. Raising it to the limit keeps the index's answer complete.
        Map<String, String> indexSettings =
                Map.of("hnsw.ef_search", Integer.toString(Math.max(DEFAULT_EF_SEARCH, limit.value())));
        List<List<Object>> rows = reads.read("The product search", Optional.of(caller), indexSettings, connection -> {
            try (PreparedStatement search = connection.prepareStatement(SEARCH)) {
                // Types.OTHER sends the vector untyped, so the server types the parameter as vector
                // itself. Sent as text, it stayed a cast from varchar, which a generic plan (PgJDBC
                // prepares a statement on the server from its fifth run) evaluated for every row: a
                // cached search took 32 ms instead of a few (make bench).
                search.setObject(1, query, Types.OTHER);
                search.setString(2, model.id());
                search.setObject(3, query, Types.OTHER);
                search.setDouble(4, threshold.maxCosineDistance());
                search.setObject(5, query, Types.OTHER);
                search.setInt(6, limit.value());
                try (ResultSet rs = search.executeQuery()) {
                    List<List<Object>> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(List.of(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getBigDecimal(6), rs.getString(7),
                                similarityPercent(rs.getDouble(8))));
                    }
                    return found;
                }
            }
        });
        return QueryResult.complete(COLUMNS, rows);
    }

    /** pgvector's text form, {@code [x,y,...]}; Float.toString gives the shortest exact decimal. */
    static String vectorLiteral(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
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
