package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.adapters.embeddings.OnnxTextEmbedder;
import com.zava.retail.testsupport.PostgresTestDatabase;
import com.zava.retail.testsupport.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code db seed} end to end: the packaged command line seeds the full data set with the local
 * embedding model, and the questions store managers ask have sensible answers. The last tests
 * replace the data, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleDataIT {

    static final String AS_OF = "2026-11-27";
    static final String HEAD_OFFICE = "00000000-0000-0000-0000-000000000000";
    static final String SEATTLE = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
    static final List<String> TABLES = List.of("stores", "categories", "product_types", "products", "customers",
            "orders", "order_items", "inventory", "product_description_embeddings");

    private static PostgresTestDatabase database;
    private static CommandLineRun fullSeed;

    @BeforeAll
    static void seedFullDataSet() {
        database = TestServices.postgres();
        database.dropSchemas("retail", "audit", "auth", "zava_migrations");
        fullSeed = CommandLineRun.of(database, "db", "seed", "--scale", "full", "--as-of", AS_OF);
    }

    @Test
    @Order(1)
    void fullSeedReportsTheAgreedVolumesAndShowsProgress() {
        assertThat(fullSeed.exitCode()).as(fullSeed.err()).isZero();
        assertThat(fullSeed.out()).contains("customers", "50,000").containsPattern("orders\\s+19\\d,\\d{3}");
        assertThat(fullSeed.err()).contains("[seed] Loading order_items").contains("[seed] Embedding product descriptions");
    }

    @Test
    @Order(2)
    void everyStoreHasSalesInTheLastFullQuarter() throws SQLException {
        List<List<Object>> rows = query(HEAD_OFFICE, """
                SELECT s.store_name, sum(oi.total_amount)
                  FROM retail.order_items oi
                  JOIN retail.orders o ON o.order_id = oi.order_id
                  JOIN retail.stores s ON s.store_id = o.store_id
                 WHERE o.order_date >= date_trunc('quarter', DATE '%s') - interval '3 months'
                   AND o.order_date < date_trunc('quarter', DATE '%s')
                 GROUP BY s.store_name ORDER BY 2 DESC""".formatted(AS_OF, AS_OF));
        assertThat(rows).hasSize(8);
        assertThat(rows.subList(0, 2)).extracting(r -> r.get(0))
                .containsExactlyInAnyOrder("Zava Retail Seattle", "Zava Retail Online");
    }

    @Test
    @Order(3)
    void topCategoriesThisYearCoverTheWholeCatalogue() throws SQLException {
        List<List<Object>> rows = query(HEAD_OFFICE, """
                SELECT c.category_name, sum(oi.total_amount) AS revenue
                  FROM retail.order_items oi
                  JOIN retail.orders o ON o.order_id = oi.order_id
                  JOIN retail.products p ON p.product_id = oi.product_id
                  JOIN retail.categories c ON c.category_id = p.category_id
                 WHERE o.order_date >= date_trunc('year', DATE '%s')
                 GROUP BY c.category_name ORDER BY revenue DESC""".formatted(AS_OF));
        assertThat(rows).hasSize(9);
    }

    @Test
    @Order(4)
    void seattleHasLowStockProductsAndSeesOnlyItsOwnInventory() throws SQLException {
        List<List<Object>> low = query(SEATTLE, """
                SELECT p.product_name, i.stock_level, i.store_id FROM retail.inventory i
                  JOIN retail.products p ON p.product_id = i.product_id
                 WHERE i.stock_level < 10 ORDER BY i.stock_level""");
        assertThat(low).isNotEmpty();
        assertThat(low).extracting(r -> r.get(2)).containsOnly(1);
    }

    @ParameterizedTest(name = "{0}")
    @Order(5)
    @CsvSource(delimiter = '|', value = {
        "waterproof electrical box for outdoor use|Electrical Boxes",
        "15 amp circuit breaker|Circuit Breakers",
        "LED light bulbs for kitchen ceiling|Light Bulbs",
        "containers for paint|Paint Trays & Containers"})
    void semanticSearchFindsAProductOfTheMatchingTypeInTheTopFive(String phrase, String expectedType)
            throws SQLException {
        float[] vector = Embedder.INSTANCE.embed(phrase);
        List<String> topTypes = new ArrayList<>();
        try (Connection connection = database.appDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT t.type_name FROM retail.product_description_embeddings e
                       JOIN retail.products p ON p.product_id = e.product_id
                       JOIN retail.product_types t ON t.type_id = p.type_id
                      ORDER BY e.description_embedding <=> ?::vector LIMIT 5""")) {
            statement.setString(1, Arrays.toString(vector).replace(" ", ""));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    topTypes.add(rs.getString(1));
                }
            }
        }
        assertThat(topTypes).hasSize(5).contains(expectedType);
    }

    @Test
    @Order(6)
    void seedingAgainIsRefusedAndChangesNothing() {
        Map<String, String> before = database.checksums("retail", TABLES);
        CommandLineRun again = CommandLineRun.of(database, "db", "seed", "--scale", "small");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already holds sample data").contains("--replace");
        CommandLineRun skipped = CommandLineRun.of(database, "db", "seed", "--if-empty");
        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.out()).contains("nothing was changed");
        assertThat(database.checksums("retail", TABLES)).isEqualTo(before);
    }

    @Test
    @Order(7)
    void sameSeedAndDateGiveByteIdenticalTablesWithTheRealModel() {
        String[] small = {"db", "seed", "--scale", "small", "--seed", "7", "--as-of", "2025-03-31", "--replace"};
        assertThat(CommandLineRun.of(database, small).exitCode()).isZero();
        Map<String, String> first = database.checksums("retail", TABLES);
        assertThat(CommandLineRun.of(database, small).exitCode()).isZero();
        assertThat(database.checksums("retail", TABLES)).isEqualTo(first);
        String[] otherSeed = {"db", "seed", "--scale", "small", "--seed", "8", "--as-of", "2025-03-31", "--replace"};
        assertThat(CommandLineRun.of(database, otherSeed).exitCode()).isZero();
        Map<String, String> other = database.checksums("retail", TABLES);
        assertThat(other.get("orders")).isNotEqualTo(first.get("orders"));
        assertThat(other.get("products")).isEqualTo(first.get("products"));
    }

    @Test
    @Order(8)
    void mistakesOnTheCommandLineSayWhatToTypeInstead() {
        CommandLineRun run = CommandLineRun.of(database, "db", "seed", "--as-of", "27/11/2026");
        assertThat(run.exitCode()).isEqualTo(ZavaRetailMcpApplication.USAGE_ERROR);
        assertThat(run.err()).contains("--as-of takes a date as YYYY-MM-DD").contains("Usage:");
    }

    private static List<List<Object>> query(String managerId, String sql) throws SQLException {
        return SeededDatabase.query(database, managerId, sql);
    }

    /** One model for the whole class: loading it takes a second or two. */
    private static final class Embedder {
        static final OnnxTextEmbedder INSTANCE = new OnnxTextEmbedder();
    }
}
