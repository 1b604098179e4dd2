package com.zava.retail.bootstrap.acceptance;

import com.zava.retail.testsupport.PostgresTestDatabase;
import com.zava.retail.testsupport.TestServices;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The company's own records, read straight from the test database as its owner (row-level
 * security does not apply to the owner): the independent truth that what a manager sees through
 * the MCP tools is compared with. Also tells every server the suite starts where the test services are.
 */
final class SalesRecords {

    /** A tool-call rate limit no scenario reaches (the largest the server accepts). */
    static final int UNLIMITED_CALLS = 1_000_000;

    static final List<String> TABLES = List.of("stores", "categories", "product_types", "products", "customers",
            "orders", "order_items", "inventory", "product_description_embeddings");

    private SalesRecords() {
    }

    static PostgresTestDatabase database() {
        return TestServices.postgres();
    }

    /** Spring settings that point a server at the test database (runtime role, owner for migrations) and Redis. */
    static Map<String, String> applicationSettings() {
        PostgresTestDatabase db = database();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", db.jdbcUrl());
        settings.put("spring.datasource.username", db.app().user());
        settings.put("spring.datasource.password", db.app().password());
        settings.put("spring.flyway.user", db.owner().user());
        settings.put("spring.flyway.password", db.owner().password());
        settings.put("zava.database.app-role", db.app().user());
        settings.put("spring.data.redis.url", redisUrl());
        return settings;
    }

    /**
     * The test Redis, but a database of the suite's own (the configured index plus 8, modulo 16):
     * the other integration tests seed other data and exhaust rate limits on purpose, and cached
     * schema descriptions or buckets of theirs must not leak into these scenarios.
     */
    static String redisUrl() {
        URI configured = URI.create(TestServices.redis().url());
        String path = configured.getPath() == null ? "" : configured.getPath().replace("/", "");
        int database = path.isEmpty() ? 0 : Integer.parseInt(path);
        return configured.resolve("/" + (database + 8) % 16).toString();
    }

    /** The same settings as command-line arguments ({@code --name=value}). */
    static List<String> applicationArguments() {
        return applicationSettings().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** Rows of a query run as the owner, which sees every store. */
    static List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = database().ownerDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the sales records failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** One number from a query run as the owner. */
    static long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).get(0)).longValue();
    }

    /** Row count and checksum of every retail table: equal fingerprints mean nothing changed. */
    static Map<String, String> fingerprint() {
        return database().checksums("retail", TABLES);
    }
}
