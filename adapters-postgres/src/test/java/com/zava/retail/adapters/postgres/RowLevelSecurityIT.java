package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-level security and grants, checked as the application role against the real database: the
 * guarantees here must hold even if every layer of the server above the database failed.
 */
class RowLevelSecurityIT {

    static final String HEAD_OFFICE = "00000000-0000-0000-0000-000000000000";
    static final String SEATTLE = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
    static final String TACOMA = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
    static final String REDMOND = "e7f8a9b0-c1d2-3e4f-5678-90abcdef1234";
    static final String UNKNOWN = "11111111-2222-3333-4444-555555555555";

    private static PostgresTestDatabase database;

    @BeforeAll
    static void migrateAndLoadFixture() throws SQLException {
        database = TestSchema.recreate(384);
        RetailFixture.load(database.ownerDataSource());
    }

    @Test
    void seattleSeesOnlySeattleOrdersItemsAndInventory() throws SQLException {
        int seattle = storeIdOf(SEATTLE);
        for (String table : List.of("orders", "order_items", "inventory")) {
            List<Integer> storeIds = longList(SEATTLE, "SELECT DISTINCT store_id FROM retail." + table);
            assertThat(storeIds).as(table).containsExactly(seattle);
        }
        assertThat(count(SEATTLE, "SELECT count(*) FROM retail.orders")).isEqualTo(RetailFixture.ORDERS_PER_STORE);
    }

    @Test
    void headOfficeSeesAllEightStores() throws SQLException {
        for (String table : List.of("orders", "order_items", "inventory")) {
            assertThat(count(HEAD_OFFICE, "SELECT count(DISTINCT store_id) FROM retail." + table)).as(table).isEqualTo(8);
        }
        assertThat(count(HEAD_OFFICE, "SELECT count(*) FROM retail.orders"))
                .isEqualTo(8L * RetailFixture.ORDERS_PER_STORE + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {UNKNOWN, "not-a-uuid", "", "00000000-0000-0000-0000-00000000000"})
    void unknownOrMalformedManagerSeesNoStoreRows(String managerId) throws SQLException {
        for (String table : List.of("orders", "order_items", "inventory", "customers")) {
            assertThat(count(managerId, "SELECT count(*) FROM retail." + table)).as(table).isZero();
        }
    }

    @Test
    void noContextSeesNoStoreRows() throws SQLException {
        try (Connection connection = database.appDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : List.of("orders", "order_items", "inventory", "customers")) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM retail." + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isZero();
                }
            }
        }
    }

    @Test
    void managerContextEndsWithItsTransaction() throws SQLException {
        try (Connection connection = database.appDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL zava.manager_id = '" + HEAD_OFFICE + "'");
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM retail.orders")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
            connection.commit();
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM retail.orders")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the next transaction on the same connection").isZero();
            }
            connection.rollback();
        }
    }

    @Test
    void customersAreVisibleThroughPrimaryStoreOrAnOrderAtTheStore() throws SQLException {
        // The cross-shopper's primary store is Seattle and their one extra order is at Redmond.
        String crossShopper = "SELECT count(*) FROM retail.customers WHERE email = '" + RetailFixture.CROSS_SHOPPER_EMAIL + "'";
        assertThat(count(SEATTLE, crossShopper)).isEqualTo(1);
        assertThat(count(REDMOND, crossShopper)).isEqualTo(1);
        assertThat(count(TACOMA, crossShopper)).isZero();
        assertThat(count(TACOMA, "SELECT count(*) FROM retail.customers"))
                .isEqualTo(RetailFixture.CUSTOMERS_PER_STORE);
        assertThat(count(REDMOND, "SELECT count(*) FROM retail.customers"))
                .isEqualTo(RetailFixture.CUSTOMERS_PER_STORE + 1);
        assertThat(count(HEAD_OFFICE, "SELECT count(*) FROM retail.customers"))
                .isEqualTo(8L * RetailFixture.CUSTOMERS_PER_STORE);
    }

    @Test
    void catalogueTablesAreReadableByEveryManager() throws SQLException {
        assertThat(count(TACOMA, "SELECT count(*) FROM retail.stores")).isEqualTo(8);
        assertThat(count(TACOMA, "SELECT count(*) FROM retail.products")).isEqualTo(RetailFixture.PRODUCTS);
        assertThat(count(UNKNOWN, "SELECT count(*) FROM retail.categories")).isPositive();
    }

    @Test
    void visibleStoresAreComputedOncePerQueryAsAnInitPlan() throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = database.appDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL zava.manager_id = '" + SEATTLE + "'");
            try (ResultSet rs = statement.executeQuery("EXPLAIN SELECT count(*) FROM retail.order_items")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            connection.rollback();
        }
        // Once per query: an InitPlan whose result the filter reuses, and no per-row SubPlan.
        assertThat(plan.toString()).contains("InitPlan").containsPattern("store_id = ANY \\(\\$\\d+\\)")
                .doesNotContain("SubPlan");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT set_config('zava.manager_id', '" + HEAD_OFFICE + "', true)",
        "SELECT set_config('zava.manager_id', '" + HEAD_OFFICE + "', false)",
        "SELECT pg_terminate_backend(pg_backend_pid())",
        "SELECT pg_cancel_backend(pg_backend_pid())",
        "SELECT pg_advisory_lock(42)",
        "SELECT pg_try_advisory_xact_lock(42)",
        "SELECT pg_notify('zava', 'hello')",
        "SELECT lo_create(0)"})
    void sessionChangingFunctionsArePermissionDenied(String sql) {
        assertThatThrownBy(() -> count(SEATTLE, sql))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO retail.orders (customer_id, store_id, order_date) VALUES (1, 1, current_date)",
        "UPDATE retail.orders SET order_date = current_date",
        "DELETE FROM retail.order_items",
        "UPDATE retail.products SET base_price = 0",
        "TRUNCATE retail.inventory",
        "CREATE TABLE retail.evil (id int)",
        "CREATE TABLE public.evil (id int)",
        "CREATE TEMP TABLE evil (id int)",
        "ALTER TABLE retail.orders DISABLE ROW LEVEL SECURITY",
        "SELECT * FROM zava_migrations.flyway_schema_history"})
    void writesAndDdlArePermissionDenied(String sql) {
        // Not even in a read-write transaction: the grants alone must refuse.
        assertThatThrownBy(() -> {
            try (Connection connection = database.appDataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("SET LOCAL zava.manager_id = '" + HEAD_OFFICE + "'");
                statement.execute(sql);
                connection.rollback();
            }
        }).isInstanceOf(SQLException.class).hasMessageMatching("(?s).*(permission denied|must be owner).*");
    }

    @Test
    void applicationRoleHasNoPrivilegedAttributesAndOwnsNothing() throws SQLException {
        try (Connection connection = database.appDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT r.rolsuper, r.rolbypassrls, r.rolcreatedb, r.rolcreaterole,
                            (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
                            + (SELECT count(*) FROM pg_namespace n WHERE n.nspowner = r.oid)
                            + (SELECT count(*) FROM pg_proc p WHERE p.proowner = r.oid) AS owned,
                            (SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid) AS memberships
                       FROM pg_roles r WHERE r.rolname = current_user""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("rolsuper")).isFalse();
            assertThat(rs.getBoolean("rolbypassrls")).isFalse();
            assertThat(rs.getBoolean("rolcreatedb")).isFalse();
            assertThat(rs.getBoolean("rolcreaterole")).isFalse();
            assertThat(rs.getLong("owned")).isZero();
            assertThat(rs.getLong("memberships")).isZero();
        }
    }

    private static int storeIdOf(String managerId) throws SQLException {
        return longList(HEAD_OFFICE, "SELECT store_id FROM retail.stores WHERE rls_user_id = '" + managerId + "'").get(0);
    }

    static long count(String managerId, String sql) throws SQLException {
        List<Integer> values = longList(managerId, sql);
        return values.isEmpty() ? 0 : values.get(0);
    }

    /** Runs a query the way the server will: READ ONLY transaction, manager set with SET LOCAL. */
    private static List<Integer> longList(String managerId, String sql) throws SQLException {
        try (Connection connection = database.appDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement.execute("SET LOCAL zava.manager_id = '" + managerId.replace("'", "''") + "'");
            List<Integer> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getInt(1));
                }
            } finally {
                connection.rollback();
            }
            return values;
        }
    }
}
