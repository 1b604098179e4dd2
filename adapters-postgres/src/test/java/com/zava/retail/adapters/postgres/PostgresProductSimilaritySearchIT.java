package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.RowLimit;
import com.zava.retail.domain.SimilarityThreshold;
import com.zava.retail.domain.UnavailableException;
import com.zava.retail.testsupport.PostgresTestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The similarity search against real PostgreSQL + pgvector, as the runtime role, over a tiny
 * hand-made catalogue whose 3-dimensional vectors make every distance exactly predictable:
 * cosine similarity to the query [1,0,0] is 1.0, 0.8, 0.6 and 0.0 for products 1 to 4.
 */
class PostgresProductSimilaritySearchIT {

    static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 3);
    static final EmbeddingModel OTHER_MODEL = new EmbeddingModel("other-model", 3);
    static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    static final float[] QUERY = {1f, 0f, 0f};
    static final SimilarityThreshold ANY = new SimilarityThreshold(0);
    static final RowLimit ALL = new RowLimit(RowLimit.MAX);

    private static PostgresTestDatabase database;
    private static ObservedDataSource appDataSource;
    private static PostgresProductSimilaritySearch search;
    private static StoredEmbeddingModels storedModels;

    @BeforeAll
    static void createSchemaAndCatalogue() throws SQLException {
        // Other IT classes of this module recreate the schema too, so this class builds its own.
        database = TestSchema.recreate(3);
        try (Connection c = database.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO retail.categories (category_id, category_name) VALUES (1, 'ELECTRICAL'), (2, 'PAINT')");
            s.execute("INSERT INTO retail.product_types (type_id, category_id, type_name) VALUES "
                    + "(1, 1, 'Electrical Boxes'), (2, 2, 'Paint Brushes')");
            s.execute("INSERT INTO retail.products (product_id, sku, product_name, category_id, type_id, cost, base_price, "
                    + "product_description) VALUES "
                    + "(1, 'EL-BOX-001', 'Weatherproof Box', 1, 1, 8.38, 12.50, 'A weatherproof outdoor box'), "
                    + "(2, 'EL-BOX-002', 'Deep Outlet Box', 1, 1, 2.09, 3.12, 'A deep outlet box'), "
                    + "(3, 'PT-BRU-001', 'Angled Sash Brush', 2, 2, 6.70, 10.00, 'An angled brush'), "
                    + "(4, 'PT-BRU-002', 'Foam Brush Set', 2, 2, 3.35, 5.00, 'Foam brushes'), "
                    + "(5, 'EL-BOX-003', 'Other Model Box', 1, 1, 8.38, 12.50, 'Embedded by another model'), "
                    + "(6, 'EL-BOX-004', 'Box Without Embedding', 1, 1, 8.38, 12.50, 'Not embedded yet')");
        }
        insertEmbeddings();

        appDataSource = new ObservedDataSource(database.appDataSource());
        search = searchOver(appDataSource);
        storedModels = new StoredEmbeddingModels(appDataSource);
    }

    @BeforeEach
    void resetObservations() {
        appDataSource.reset();
    }

    @Test
    void answersTheContractColumnsBestFirstWithSimilarityPercent() {
        QueryResult result = search.findSimilar(SEATTLE, QUERY, MODEL, ALL, ANY);

        assertThat(result.columns()).containsExactly("product_id", "sku", "product_name", "category_name",
                "type_name", "base_price", "product_description", "sp");
        assertThat(result.truncated()).isFalse();
        assertThat(result.rows()).extracting(row -> row.get(0)).containsExactly(1, 2, 3, 4);
        assertThat(result.rows()).extracting(row -> row.get(7)).containsExactly(new BigDecimal("100.00"),
                new BigDecimal("80.00"), new BigDecimal("60.00"), new BigDecimal("0.00"));
        assertThat(result.rows().get(0)).containsExactly(1, "EL-BOX-001", "Weatherproof Box", "ELECTRICAL",
                "Electrical Boxes", new BigDecimal("12.50"), "A weatherproof outdoor box", new BigDecimal("100.00"));
        assertThat(result.rows().get(2)).containsExactly(3, "PT-BRU-001", "Angled Sash Brush", "PAINT",
                "Paint Brushes", new BigDecimal("10.00"), "An angled brush", new BigDecimal("60.00"));
    }

    @Test
    void leavesOutProductsBelowTheThreshold() {
        assertThat(productIds(search.findSimilar(SEATTLE, QUERY, MODEL, ALL, new SimilarityThreshold(70))))
                .containsExactly(1, 2);
        assertThat(productIds(search.findSimilar(SEATTLE, QUERY, MODEL, ALL, new SimilarityThreshold(50))))
                .containsExactly(1, 2, 3);
        assertThat(productIds(search.findSimilar(SEATTLE, QUERY, MODEL, ALL, new SimilarityThreshold(100))))
                .containsExactly(1);
        assertThat(search.findSimilar(SEATTLE, new float[] {0f, 0f, 1f}, MODEL, ALL, new SimilarityThreshold(30)).rows())
                .isEmpty();
    }

    @Test
    void returnsAtMostTheLimitBestFirst() {
        assertThat(productIds(search.findSimilar(SEATTLE, QUERY, MODEL, new RowLimit(2), ANY))).containsExactly(1, 2);
        assertThat(productIds(search.findSimilar(SEATTLE, QUERY, MODEL, new RowLimit(1), ANY))).containsExactly(1);
    }

    @Test
    void neverComparesVectorsOfAnotherModel() {
        // Product 5's vector equals the query, but another model made it.
        assertThat(productIds(search.findSimilar(SEATTLE, QUERY, MODEL, ALL, ANY))).doesNotContain(5, 6);
        QueryResult other = search.findSimilar(SEATTLE, QUERY, OTHER_MODEL, ALL, ANY);
        assertThat(productIds(other)).containsExactly(5);
        assertThat(other.rows().get(0).get(7)).isEqualTo(new BigDecimal("100.00"));
        assertThat(search.findSimilar(SEATTLE, QUERY, new EmbeddingModel("unknown-model", 3), ALL, ANY).rows())
                .isEmpty();
    }

    @Test
    void runsAsTheAppRoleInAReadOnlyTransactionWithTheCallersContextAndATimeout() {
        search.findSimilar(SEATTLE, QUERY, MODEL, ALL, ANY);

        // Observed on the search's own connection, just before the search statement ran.
        assertThat(appDataSource.observations()).hasSize(1);
        Map<String, String> seen = appDataSource.observations().get(0);
        assertThat(seen.get("current_user")).isEqualTo(database.app().user()).isNotEqualTo(database.owner().user());
        assertThat(seen.get("manager_id")).isEqualTo(SEATTLE.asText());
        assertThat(seen.get("read_only")).isEqualTo("on");
        assertThat(seen.get("statement_timeout")).isEqualTo("5s");
        assertThat(seen.get("ef_search")).isEqualTo(String.valueOf(RowLimit.MAX));
    }

    @Test
    void leavesNoSettingBehindOnAPooledConnection() throws SQLException {
        onOnePooledConnection((onOneConnection, pooled) -> {
            onOneConnection.findSimilar(SEATTLE, QUERY, MODEL, ALL, ANY);

            try (Connection connection = pooled.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT coalesce(current_setting('zava.manager_id', true), ''), "
                         + "current_setting('statement_timeout'), coalesce(current_setting('hnsw.ef_search', true), '')")) {
                rs.next();
                assertThat(rs.getString(1)).as("manager id").isEmpty();
                assertThat(rs.getString(2)).as("statement timeout").isNotEqualTo("5s");
                assertThat(rs.getString(3)).as("hnsw.ef_search").isNotEqualTo(String.valueOf(RowLimit.MAX));
            }
        });
    }

    @Test
    void aConnectionKeepsGivingTheSameAnswersOnceTheDriverPreparesTheSearchOnTheServer() throws SQLException {
        // PgJDBC turns a statement it has run five times on a connection into a server-side
        // prepared statement, for which PostgreSQL may pick a generic plan: the answers must not
        // change when that happens on a pooled connection.
        onOnePooledConnection((onOneConnection, pooled) -> {
            for (int i = 0; i < 12; i++) {
                assertThat(productIds(onOneConnection.findSimilar(SEATTLE, QUERY, MODEL, ALL, ANY)))
                        .as("search %d", i).containsExactly(1, 2, 3, 4);
                assertThat(productIds(onOneConnection.findSimilar(SEATTLE, new float[] {0f, 1f, 0f}, MODEL,
                        new RowLimit(2), new SimilarityThreshold(70)))).as("search %d", i).containsExactly(4, 3);
            }
        });
    }

    @Test
    void theServerPreparedSearchTakesTheVectorAsAVectorNotAsTextToCastForEveryRow() throws SQLException {
        // In a generic plan a cast from varchar is not folded into a constant: it parsed the
        // query vector's text again for every row compared (a cached search took 32 ms).
        onOnePooledConnection((onOneConnection, pooled) -> {
            for (int i = 0; i < 6; i++) {
                onOneConnection.findSimilar(SEATTLE, QUERY, MODEL, ALL, ANY);
            }
            try (Connection connection = pooled.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT parameter_types::text FROM pg_prepared_statements "
                         + "WHERE statement LIKE '%<=>%'")) {
                assertThat(rs.next()).as("the search is prepared on the server after six runs").isTrue();
                assertThat(rs.getString(1)).isEqualTo("{vector,\"character varying\",vector,\"double precision\","
                        + "vector,integer}");
            }
        });
    }

    @Test
    void theSearchStatementCanUseTheHnswIndex() throws SQLException {
        String vector = "'" + PostgresProductSimilaritySearch.vectorLiteral(QUERY) + "'";
        String withValues = PostgresProductSimilaritySearch.SEARCH.replaceFirst("\\?", vector)
                .replaceFirst("\\?", "'test-model'").replaceFirst("\\?", vector).replaceFirst("\\?", "2")
                .replaceFirst("\\?", vector).replaceFirst("\\?", "10");
        assertThat(withValues).as("every parameter given a value").doesNotContain("?");
        // With sequential scans priced out, the planner takes the index wherever the statement
        // allows it: for the ordering, that needs the distance in a form the index serves.
        StringBuilder plan = new StringBuilder();
        try (Connection c = database.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL enable_seqscan = off");
            try (ResultSet rs = s.executeQuery("EXPLAIN " + withValues)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
        }
        assertThat(plan.toString()).contains("product_description_embeddings_hnsw_idx");
    }

    @Test
    void aDatabaseFailureBecomesUnavailableWithoutDatabaseDetails() {
        appDataSource.refuseConnections(true);
        try {
            assertThatThrownBy(() -> search.findSimilar(SEATTLE, QUERY, MODEL, ALL, ANY))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageStartingWith("The product search")
                    .hasMessageContaining("Try again")
                    .message().doesNotContainIgnoringCase("sql").doesNotContain("127.0.0.1").doesNotContain("refused")
                    .doesNotContain("08001");
            assertThatThrownBy(storedModels::modelIds).isInstanceOf(UnavailableException.class);
        } finally {
            appDataSource.refuseConnections(false);
        }
    }

    @Test
    void aSearchSlowerThanFiveSecondsIsCancelledAndReportedAsUnavailable() {
        // The statement is made slow on purpose (an uncorrelated sub-select that sleeps 10 s), so
        // only the transaction-local statement_timeout can end it in time.
        appDataSource.slowDownSearches(true);
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> search.findSimilar(SEATTLE, QUERY, MODEL, ALL, ANY))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("The product search took longer than 5 seconds and was cancelled. Try again in a moment.");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
        } finally {
            appDataSource.slowDownSearches(false);
        }
    }

    @Test
    void rejectsAQueryVectorOfTheWrongSizeBeforeTouchingTheDatabase() {
        assertThatThrownBy(() -> search.findSimilar(SEATTLE, new float[] {1f, 0f}, MODEL, ALL, ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 components");
        assertThatThrownBy(() -> search.findSimilar(SEATTLE, new float[] {Float.NaN, 0f, 0f}, MODEL, ALL, ANY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(appDataSource.connectionsOpened()).isZero();
    }

    @Test
    void similarityPercentIsRoundedToTwoDecimals() {
        assertThat(PostgresProductSimilaritySearch.similarityPercent(1 - 0.8)).isEqualTo(new BigDecimal("80.00"));
        assertThat(PostgresProductSimilaritySearch.similarityPercent(0.123456)).isEqualTo(new BigDecimal("87.65"));
        assertThat(PostgresProductSimilaritySearch.similarityPercent(0.0)).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void storedModelsListsTheDistinctModelIdsAndTheVectorDimension() {
        assertThat(storedModels.modelIds()).containsExactly("other-model", "test-model");
        assertThat(storedModels.vectorDimensions()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void storedModelsIsEmptyWhenNothingIsEmbedded() throws SQLException {
        try (Connection c = database.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM retail.product_description_embeddings");
        }
        try {
            assertThat(storedModels.modelIds()).isEmpty();
            assertThat(storedModels.vectorDimensions()).isEqualTo(OptionalInt.of(3));
        } finally {
            insertEmbeddings();
        }
    }

    /** Work with a search whose every transaction runs on one physical connection, as in a pool. */
    @FunctionalInterface
    private interface OnOneConnection {
        void run(PostgresProductSimilaritySearch search, DataSource pooled) throws SQLException;
    }

    private static void onOnePooledConnection(OnOneConnection work) throws SQLException {
        SingleConnectionDataSource pooled = new SingleConnectionDataSource(database.appDataSource().getConnection(), true);
        try {
            work.run(searchOver(pooled), pooled);
        } finally {
            pooled.destroy();
        }
    }

    private static PostgresProductSimilaritySearch searchOver(DataSource dataSource) {
        return new PostgresProductSimilaritySearch(new ManagerTransactions(dataSource, TestGates.open()));
    }

    private static void insertEmbeddings() throws SQLException {
        try (Connection c = database.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            // Cosine similarity to [1,0,0]: 1.0, 0.8, 0.6, 0.0 (lengths do not matter); product 5 is
            // identical to the query but made by another model; product 6 has no embedding.
            s.execute("INSERT INTO retail.product_description_embeddings (product_id, model, description_embedding) "
                    + "VALUES (1, 'test-model', '[1,0,0]'), (2, 'test-model', '[4,3,0]'), (3, 'test-model', '[3,4,0]'), "
                    + "(4, 'test-model', '[0,5,0]'), (5, 'other-model', '[1,0,0]')");
        }
    }

    private static List<Object> productIds(QueryResult result) {
        return result.rows().stream().map(row -> row.get(0)).toList();
    }

    /**
     * The app role's DataSource, with three test hooks: it records, on the search's own connection
     * and just before the vector search statement runs, who and in what transaction state the
     * statement runs; it can make the search statement slow; and it can refuse connections like a
     * database that is down.
     */
    static final class ObservedDataSource extends DelegatingDataSource {

        private final List<Map<String, String>> observations = new CopyOnWriteArrayList<>();
        private volatile boolean refuse;
        private volatile boolean slowSearches;
        private volatile int connectionsOpened;

        ObservedDataSource(DataSource target) {
            super(target);
        }

        void refuseConnections(boolean refuse) {
            this.refuse = refuse;
        }

        void slowDownSearches(boolean slow) {
            this.slowSearches = slow;
        }

        void reset() {
            observations.clear();
            connectionsOpened = 0;
        }

        List<Map<String, String>> observations() {
            return observations;
        }

        int connectionsOpened() {
            return connectionsOpened;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (refuse) {
                throw new SQLException("Connection to 127.0.0.1:5432 refused. Check that the hostname and port are "
                        + "correct and that the postmaster is accepting TCP/IP connections.", "08001");
            }
            connectionsOpened++;
            Connection target = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                                && sql.contains("<=>")) {
                            observations.add(observe(target));
                            if (slowSearches) {
                                args[0] = sql.replace(" ORDER BY ", " AND (SELECT true FROM pg_sleep(10)) ORDER BY ");
                            }
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private static Map<String, String> observe(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT current_user, current_setting('zava.manager_id', true), "
                         + "current_setting('transaction_read_only'), current_setting('statement_timeout'), "
                         + "current_setting('hnsw.ef_search', true)")) {
                rs.next();
                return Map.of("current_user", rs.getString(1), "manager_id", String.valueOf(rs.getString(2)),
                        "read_only", rs.getString(3), "statement_timeout", rs.getString(4),
                        "ef_search", String.valueOf(rs.getString(5)));
            }
        }
    }
}
