package com.zava.retail.testsupport;

import java.util.Locale;
import java.util.Optional;

/**
 * The real PostgreSQL+pgvector and Redis every integration test runs against.
 *
 * <p>One switch, {@code ZAVA_TEST_SERVICES} (environment variable or system property):
 * <ul>
 *   <li>{@code testcontainers} (the default): start {@code pgvector/pgvector:pg17} and
 *       {@code redis:7} with Testcontainers; needs a Docker engine.</li>
 *   <li>{@code local}: use services that already run, named by {@code ZAVA_TEST_DB_URL},
 *       {@code ZAVA_TEST_REDIS_URL} and the role variables (see {@link PostgresTestDatabase}),
 *       prepared by {@code infra/local/provision.sh}; {@code make test} chooses this mode on
 *       machines without a Docker engine.</li>
 * </ul>
 * A service that cannot be reached fails the test run loudly; nothing is ever skipped.
 */
public final class TestServices {

    /** Where the services come from. */
    public enum Mode { LOCAL, TESTCONTAINERS }

    private TestServices() {
    }

    public static Mode mode() {
        String value = setting("ZAVA_TEST_SERVICES").orElse("testcontainers").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "local" -> Mode.LOCAL;
            case "testcontainers" -> Mode.TESTCONTAINERS;
            default -> throw new IllegalStateException("ZAVA_TEST_SERVICES must be 'local' or 'testcontainers', was '"
                    + value + "'");
        };
    }

    /** The shared test database, started or checked on first use. */
    public static PostgresTestDatabase postgres() {
        return PostgresTestDatabase.instance();
    }

    /** The shared test Redis, started or checked on first use. */
    public static RedisTestServer redis() {
        return RedisTestServer.instance();
    }

    /** An environment variable, or the system property of the same name, when not blank. */
    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
