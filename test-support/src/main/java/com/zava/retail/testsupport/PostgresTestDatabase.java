package com.zava.retail.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The test database: a PostgreSQL with pgvector, an owner role that runs migrations and seeds, and
 * the application role the server logs in as (no superuser, no BYPASSRLS, owns nothing).
 *
 * <p>Local mode settings (environment variables or system properties):
 * {@code ZAVA_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/zava_test}),
 * {@code ZAVA_TEST_DB_OWNER_USER}/{@code _PASSWORD} (default {@code zava_owner}/{@code zava_owner_dev}),
 * {@code ZAVA_TEST_DB_APP_USER}/{@code _PASSWORD} (default {@code zava_app}/{@code zava_app_dev}).
 */
public final class PostgresTestDatabase {

    private static final String IMAGE = "pgvector/pgvector:pg17";
    private static final String DATABASE = "zava_test";

    private static PostgresTestDatabase instance;

    private final String jdbcUrl;
    private final Credentials owner;
    private final Credentials app;

    /** A login of the test database. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return user; // keep passwords out of test reports
        }
    }

    private PostgresTestDatabase(String jdbcUrl, Credentials owner, Credentials app) {
        this.jdbcUrl = jdbcUrl;
        this.owner = owner;
        this.app = app;
    }

    static synchronized PostgresTestDatabase instance() {
        if (instance == null) {
            PostgresTestDatabase candidate = TestServices.mode() == TestServices.Mode.LOCAL ? local() : container();
            candidate.checkReachable();
            instance = candidate;
        }
        return instance;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Credentials owner() {
        return owner;
    }

    public Credentials app() {
        return app;
    }

    /** Connections as the owner role: migrations, fixtures, checks of state. */
    public DataSource ownerDataSource() {
        return dataSource(owner);
    }

    /** Connections as the application role: what the server itself gets. */
    public DataSource appDataSource() {
        return dataSource(app);
    }

    /** Drops schemas with everything in them, as the owner, so the next migration starts from nothing. */
    public void dropSchemas(String... schemas) {
        try (Connection connection = ownerDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop schemas of the test database: " + e.getMessage(), e);
        }
    }

    /**
     * Row count and md5 of every row of each table, in a stable order: equal checksums mean equal
     * contents, byte for byte as PostgreSQL prints them.
     */
    public Map<String, String> checksums(String schema, List<String> tables) {
        Map<String, String> checksums = new LinkedHashMap<>();
        try (Connection connection = ownerDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg("
                        + "t::text, E'\\n' ORDER BY t::text)), '') FROM " + schema + "." + table + " t")) {
                    rs.next();
                    checksums.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute table checksums: " + e.getMessage(), e);
        }
        return checksums;
    }

    private DataSource dataSource(Credentials credentials) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(credentials.user());
        dataSource.setPassword(credentials.password());
        dataSource.setApplicationName("zava-tests");
        return dataSource;
    }

    private static PostgresTestDatabase local() {
        return new PostgresTestDatabase(
                TestServices.setting("ZAVA_TEST_DB_URL").orElse("jdbc:postgresql://127.0.0.1:5432/" + DATABASE),
                new Credentials(TestServices.setting("ZAVA_TEST_DB_OWNER_USER").orElse("zava_owner"),
                        TestServices.setting("ZAVA_TEST_DB_OWNER_PASSWORD").orElse("zava_owner_dev")),
                new Credentials(TestServices.setting("ZAVA_TEST_DB_APP_USER").orElse("zava_app"),
                        TestServices.setting("ZAVA_TEST_DB_APP_PASSWORD").orElse("zava_app_dev")));
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    private static PostgresTestDatabase container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(DATABASE)
                .withUsername("postgres")
                .withPassword("postgres");
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start " + IMAGE + " with Testcontainers. Without a Docker "
                    + "engine, run infra/local/provision.sh and set ZAVA_TEST_SERVICES=local (make test does both).", e);
        }
        Credentials owner = new Credentials("zava_owner", "zava_owner_test");
        Credentials app = new Credentials("zava_app", "zava_app_test");
        copySql(container, "roles.sql");
        copySql(container, "database.sql");
        psql(container, "postgres", "roles.sql", "-v", "owner=" + owner.user(), "-v", "owner_password=" + owner.password(),
                "-v", "app=" + app.user(), "-v", "app_password=" + app.password());
        execOrFail(container, "psql", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
                "ALTER DATABASE " + DATABASE + " OWNER TO " + owner.user());
        psql(container, DATABASE, "database.sql", "-v", "owner=" + owner.user(), "-v", "app=" + app.user());
        String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + DATABASE;
        return new PostgresTestDatabase(url, owner, app);
    }

    private static void copySql(PostgreSQLContainer<?> container, String name) {
        container.copyFileToContainer(MountableFile.forClasspathResource("com/zava/retail/testsupport/sql/" + name),
                "/tmp/" + name);
    }

    private static void psql(PostgreSQLContainer<?> container, String database, String script, String... variables) {
        String[] command = new String[6 + variables.length];
        command[0] = "psql";
        command[1] = "-U";
        command[2] = "postgres";
        command[3] = "-d";
        command[4] = database;
        System.arraycopy(variables, 0, command, 5, variables.length);
        command[command.length - 1] = "-f/tmp/" + script;
        execOrFail(container, command);
    }

    private static void execOrFail(PostgreSQLContainer<?> container, String... command) {
        try {
            ExecResult result = container.execInContainer(command);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("Preparing the test database failed (" + command[command.length - 1]
                        + "): " + result.getStderr());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void checkReachable() {
        for (Credentials credentials : new Credentials[] {owner, app}) {
            try (Connection connection = dataSource(credentials).getConnection()) {
                if (!connection.isValid(5)) {
                    throw new SQLException("connection not valid");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The test database " + jdbcUrl + " is not reachable as "
                        + credentials.user() + " (" + e.getMessage() + "). Run infra/local/provision.sh, or use "
                        + "ZAVA_TEST_SERVICES=testcontainers on a machine with a Docker engine.", e);
            }
        }
    }
}
