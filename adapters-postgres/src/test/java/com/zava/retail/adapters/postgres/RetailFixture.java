package com.zava.retail.adapters.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * A small hand-made data set for the row-level security tests: eight stores with their real
 * manager ids, a few customers, orders, items and inventory rows per store, and one customer who
 * shops at two stores.
 */
final class RetailFixture {

    static final int CUSTOMERS_PER_STORE = 3;
    static final int ORDERS_PER_STORE = 4;
    static final int PRODUCTS = 5;
    static final String CROSS_SHOPPER_EMAIL = "cross.shopper@example.com";

    private static final String[][] STORES = {
        {"Zava Retail Seattle", "f47ac10b-58cc-4372-a567-0e02b2c3d479", "false"},
        {"Zava Retail Bellevue", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "false"},
        {"Zava Retail Tacoma", "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "false"},
        {"Zava Retail Spokane", "d8e9f0a1-b2c3-4567-8901-234567890abc", "false"},
        {"Zava Retail Everett", "3b9ac9fa-cd5e-4b92-a7f2-b8c1d0e9f2a3", "false"},
        {"Zava Retail Redmond", "e7f8a9b0-c1d2-3e4f-5678-90abcdef1234", "false"},
        {"Zava Retail Kirkland", "9c8b7a65-4321-fed0-9876-543210fedcba", "false"},
        {"Zava Retail Online", "2f4e6d8c-1a3b-5c7e-9f0a-b2d4f6e8c0a2", "true"},
    };

    private RetailFixture() {
    }

    static void load(DataSource ownerDataSource) throws SQLException {
        try (Connection c = ownerDataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO retail.categories (category_id, category_name) VALUES (1, 'HAND TOOLS')");
            s.execute("INSERT INTO retail.product_types (type_id, category_id, type_name) VALUES (1, 1, 'Hammers')");
            for (int p = 1; p <= PRODUCTS; p++) {
                s.execute("INSERT INTO retail.products (product_id, sku, product_name, category_id, type_id, cost, "
                        + "base_price, product_description) VALUES (" + p + ", 'HT-HAM-00" + p + "', 'Hammer " + p
                        + "', 1, 1, 10, 14.93, 'A hammer')");
            }
            int customerId = 0;
            int orderId = 0;
            try (PreparedStatement store = c.prepareStatement(
                    "INSERT INTO retail.stores (store_id, store_name, rls_user_id, is_online) VALUES (?, ?, ?::uuid, ?)")) {
                for (int i = 0; i < STORES.length; i++) {
                    store.setInt(1, i + 1);
                    store.setString(2, STORES[i][0]);
                    store.setString(3, STORES[i][1]);
                    store.setBoolean(4, Boolean.parseBoolean(STORES[i][2]));
                    store.executeUpdate();
                }
            }
            for (int storeId = 1; storeId <= STORES.length; storeId++) {
                int firstCustomer = customerId + 1;
                for (int k = 0; k < CUSTOMERS_PER_STORE; k++) {
                    customerId++;
                    String email = storeId == 1 && k == 0 ? CROSS_SHOPPER_EMAIL : "customer" + customerId + "@example.com";
                    s.execute("INSERT INTO retail.customers (customer_id, first_name, last_name, email, primary_store_id) "
                            + "VALUES (" + customerId + ", 'First', 'Last', '" + email + "', " + storeId + ")");
                }
                for (int k = 0; k < ORDERS_PER_STORE; k++) {
                    orderId++;
                    insertOrder(s, orderId, firstCustomer + (k % CUSTOMERS_PER_STORE), storeId, LocalDate.of(2025, 1 + k, 10));
                }
                for (int p = 1; p <= PRODUCTS; p++) {
                    s.execute("INSERT INTO retail.inventory (store_id, product_id, stock_level) VALUES ("
                            + storeId + ", " + p + ", " + (storeId * 10 + p) + ")");
                }
            }
            // Seattle's first customer also shops once at Redmond (store 6).
            insertOrder(s, ++orderId, 1, 6, LocalDate.of(2025, 6, 1));
            c.commit();
        }
    }

    private static void insertOrder(Statement s, int orderId, int customerId, int storeId, LocalDate date)
            throws SQLException {
        s.execute("INSERT INTO retail.orders (order_id, customer_id, store_id, order_date) VALUES ("
                + orderId + ", " + customerId + ", " + storeId + ", DATE '" + date + "')");
        s.execute("INSERT INTO retail.order_items (order_id, store_id, product_id, quantity, unit_price, total_amount) "
                + "VALUES (" + orderId + ", " + storeId + ", " + (1 + orderId % PRODUCTS) + ", 2, 14.93, 29.86)");
    }
}
