package com.zava.retail.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One plain JDBC connection that reads the way the server's {@code execute_sales_query} does, so the
 * difference between the two is the MCP layer and nothing else: a READ ONLY transaction, the manager
 * and a statement timeout set with {@code SET LOCAL} in one round trip, the query streamed with the
 * server's fetch size, every value fetched, then a rollback.
 */
final class JdbcSession implements AutoCloseable {

    /** The server's default {@code zava.query.fetch-size}. */
    static final int FETCH_SIZE = 200;
    /** The server's default {@code zava.query.statement-timeout}. */
    static final String STATEMENT_TIMEOUT = "30000ms";

    private final Connection connection;
    private final String user;

    private JdbcSession(Connection connection, String user) {
        this.connection = connection;
        this.user = user;
    }

    static JdbcSession open(String jdbcUrl, DatabaseSettings.Login login) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", login.user());
        login.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "zava-benchmarks");
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return new JdbcSession(connection, login.user());
    }

    String user() {
        return user;
    }

    /** Runs {@code sql} as {@code managerId}; returns the number of rows read. */
    int runAsManager(String managerId, String sql) throws SQLException {
        try {
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL zava.manager_id = '" + uuid(managerId) + "'; SET LOCAL statement_timeout = '"
                        + STATEMENT_TIMEOUT + "'; SELECT 1");
            }
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    int rows = 0;
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rs.getObject(c);
                        }
                        rows++;
                    }
                    return rows;
                }
            }
        } finally {
            connection.rollback();
        }
    }

    /** Rows of a small query, for facts about the data set (not timed). */
    List<List<Object>> rows(String managerId, String sql) throws SQLException {
        try {
            if (managerId != null) {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL zava.manager_id = '" + uuid(managerId) + "'");
                }
            }
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } finally {
            connection.rollback();
        }
    }

    /** The first column of the first row, as text; null when there is no row or the value is NULL. */
    String value(String managerId, String sql) throws SQLException {
        List<List<Object>> rows = rows(managerId, sql);
        Object value = rows.isEmpty() ? null : rows.get(0).get(0);
        return value == null ? null : value.toString();
    }

    /** A session-level setting, e.g. {@code work_mem}, so two connections can be made to match. */
    void set(String name, String value) throws SQLException {
        if (!name.matches("[a-z_]+") || !value.matches("[A-Za-z0-9_.]+")) {
            throw new IllegalArgumentException("unsafe setting " + name + " = " + value);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET " + name + " = '" + value + "'");
        }
        connection.commit();
    }

    private static String uuid(String id) {
        // SET takes no bind parameters; only a canonical UUID is written into the statement.
        return java.util.UUID.fromString(id).toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
