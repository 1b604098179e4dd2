package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.SchemaCatalog;
import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a retail table from PostgreSQL's catalogue, with valid values read as the caller (so
 * under their row-level security: a store manager sees the years and stores of their own data).
 */
final class PostgresSchemaCatalog implements SchemaCatalog {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Value lists worth giving a model, per table: label and the query that lists them. */
    private static final Map<String, Map<String, String>> VALID_VALUES = Map.of(
            "stores", Map.of("store_name", "SELECT store_name FROM retail.stores ORDER BY store_id"),
            "categories", Map.of("category_name", "SELECT category_name FROM retail.categories ORDER BY category_name"),
            "product_types", Map.of("type_name", "SELECT type_name FROM retail.product_types ORDER BY type_name"),
            "products", Map.of("category_name", "SELECT category_name FROM retail.categories ORDER BY category_name"),
            "orders", Map.of(
                    "years_with_orders", "SELECT DISTINCT extract(year FROM order_date)::int::text FROM retail.orders ORDER BY 1",
                    "store_name", VisibleStores.QUERY),
            "order_items", Map.of("store_name", VisibleStores.QUERY),
            "inventory", Map.of("store_name", VisibleStores.QUERY),
            "customers", Map.of("store_name", VisibleStores.QUERY));

    private static final Map<String, List<String>> HINTS = Map.of(
            "stores", List.of("Filter by store_name (exact values listed), never by store_id or rls_user_id.",
                    "is_online marks the online store."),
            "customers", List.of("Join orders ON orders.customer_id = customers.customer_id.",
                    "Never return names, e-mails or phone numbers in bulk: aggregate (count customers) instead."),
            "categories", List.of("Join products ON products.category_id = categories.category_id."),
            "product_types", List.of("Join products ON products.type_id = product_types.type_id."),
            "products", List.of("Revenue comes from order_items.total_amount, not products.base_price.",
                    "Use ILIKE for partial product name matches, or semantic_search_products to search by meaning."),
            "inventory", List.of("One row per store and product; stock_level below 10 is low stock.",
                    "Join products ON products.product_id = inventory.product_id for names."),
            "orders", List.of("order_date is a DATE: use date_trunc('quarter', order_date) or EXTRACT(year FROM order_date).",
                    "Call get_current_utc_date first to resolve 'this year' or 'last quarter'."),
            "order_items", List.of("Revenue = sum(total_amount) (after discounts); units = sum(quantity).",
                    "Join orders ON orders.order_id = order_items.order_id for dates."),
            "product_description_embeddings", List.of("Vectors are not useful in SQL output: use "
                    + "semantic_search_products to search products by meaning."));

    private final ManagerTransactions transactions;

    PostgresSchemaCatalog(ManagerTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public TableDescription describe(ManagerId caller, TableName table) {
        try {
            return transactions.readOnly(caller, TIMEOUT, connection -> new TableDescription(table.qualified(),
                    columns(connection, table), primaryKey(connection, table), relationships(connection, table),
                    validValues(connection, table), HINTS.getOrDefault(table.simpleName(), List.of())));
        } catch (SQLException e) {
            throw PostgresSalesQueries.translate(e);
        }
    }

    private static List<TableDescription.Column> columns(Connection connection, TableName table) throws SQLException {
        List<TableDescription.Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
                  FROM pg_attribute a
                 WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""")) {
            query.setString(1, table.qualified());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TableDescription.Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection connection, TableName table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT a.attname
                  FROM pg_constraint c
                  JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, position) ON true
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                 WHERE c.conrelid = ?::regclass AND c.contype = 'p'
                 ORDER BY k.position""")) {
            query.setString(1, table.qualified());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key;
    }

    private static List<TableDescription.Relationship> relationships(Connection connection, TableName table)
            throws SQLException {
        List<TableDescription.Relationship> relationships = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT CASE WHEN c.conrelid = ?::regclass THEN 'outgoing' ELSE 'incoming' END,
                       c.conrelid::regclass::text,
                       (SELECT array_agg(a.attname ORDER BY k.position) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, position)
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                       c.confrelid::regclass::text,
                       (SELECT array_agg(a.attname ORDER BY k.position) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, position)
                          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)
                  FROM pg_constraint c
                 WHERE c.contype = 'f' AND (c.conrelid = ?::regclass OR c.confrelid = ?::regclass)
                 ORDER BY 1 DESC, 2, 4""")) {
            query.setString(1, table.qualified());
            query.setString(2, table.qualified());
            query.setString(3, table.qualified());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    relationships.add(new TableDescription.Relationship(rs.getString(1), qualify(rs.getString(2)),
                            List.of((String[]) rs.getArray(3).getArray()), qualify(rs.getString(4)),
                            List.of((String[]) rs.getArray(5).getArray())));
                }
            }
        }
        return relationships;
    }

    private static Map<String, List<String>> validValues(Connection connection, TableName table) throws SQLException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : VALID_VALUES.getOrDefault(table.simpleName(), Map.of()).entrySet()) {
            List<String> list = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(entry.getValue());
                 ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
            }
            values.put(entry.getKey(), list);
        }
        return values;
    }

    /** regclass prints without the schema when it is on the search path; always show it. */
    private static String qualify(String name) {
        return name.contains(".") ? name : "retail." + name;
    }

    private static final class VisibleStores {
        static final String QUERY = "SELECT store_name FROM retail.stores "
                + "WHERE store_id = ANY (retail.visible_store_ids()) ORDER BY store_id";
    }
}
