package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.testsupport.PostgresTestDatabase;
import com.zava.retail.testsupport.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A freshly migrated test database with the small sample data set, and direct queries against it. */
final class SeededDatabase {

    static final String HEAD_OFFICE = "00000000-0000-0000-0000-000000000000";
    static final String SEATTLE = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
    static final String REDMOND = "e7f8a9b0-c1d2-3e4f-5678-90abcdef1234";
    static final String ONLINE = "2f4e6d8c-1a3b-5c7e-9f0a-b2d4f6e8c0a2";
    /** Head office and the eight store managers. */
    static final List<String> ALL_MANAGERS = List.of(HEAD_OFFICE, SEATTLE, "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "d8e9f0a1-b2c3-4567-8901-234567890abc",
            "3b9ac9fa-cd5e-4b92-a7f2-b8c1d0e9f2a3", REDMOND, "9c8b7a65-4321-fed0-9876-543210fedcba", ONLINE);

    private SeededDatabase() {
    }

    /** Drops everything, seeds the small data set through the real command line, and empties the test Redis. */
    static PostgresTestDatabase seedSmall() {
        PostgresTestDatabase database = TestServices.postgres();
        database.dropSchemas("retail", "audit", "auth", "zava_migrations");
        CommandLineRun seed = CommandLineRun.of(database, "db", "seed", "--scale", "small", "--seed", "7", "--as-of",
                "2026-11-27");
        assertThat(seed.exitCode()).as(seed.err()).isZero();
        // Fresh data, fresh shared state: cached descriptions of the old data and rate-limit
        // buckets that earlier tests emptied must not leak into this one.
        TestServices.redis().deleteKeys("zava:v1:*");
        return database;
    }

    /** Points a Spring Boot test context at the test database (runtime role, owner for migrations) and test Redis. */
    static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        PostgresTestDatabase db = TestServices.postgres();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", () -> db.app().user());
        registry.add("spring.datasource.password", () -> db.app().password());
        registry.add("spring.flyway.user", () -> db.owner().user());
        registry.add("spring.flyway.password", () -> db.owner().password());
        registry.add("zava.database.app-role", () -> db.app().user());
        // The test Redis (database 15), never the development one: caches and limits of tests
        // must not mix with make run's.
        registry.add("spring.data.redis.url", () -> TestServices.redis().url());
    }

    /** Runs a query as the application role with a manager's row-level security context. */
    static List<List<Object>> query(PostgresTestDatabase database, String managerId, String sql) throws SQLException {
        try (Connection connection = database.appDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement.execute("SET LOCAL zava.manager_id = '" + managerId + "'");
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            } finally {
                connection.rollback();
            }
            return rows;
        }
    }
}
