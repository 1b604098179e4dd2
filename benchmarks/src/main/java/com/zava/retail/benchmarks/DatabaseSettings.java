package com.zava.retail.benchmarks;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where the development database is and the three roles the harness uses: the server's runtime
 * role (row-level security applies to it), the owner that runs migrations, and a superuser that is
 * tried for the RLS comparison only when the owner turns out to be subject to RLS.
 *
 * @param jdbcUrl   the database the servers and the raw baseline use
 * @param app       the runtime role ({@code zava_app})
 * @param owner     the owner role ({@code zava_owner})
 * @param superuser the local superuser ({@code postgres}, trust or peer authentication, no password)
 */
record DatabaseSettings(String jdbcUrl, Login app, Login owner, Login superuser) {

    /** A role and its password (empty for a superuser reached over trust authentication). */
    record Login(String user, Optional<String> password) {
        @Override
        public String toString() {
            return user; // never a password in a log line or the report
        }
    }

    static DatabaseSettings from(String jdbcUrl, Function<String, String> environment) {
        return new DatabaseSettings(jdbcUrl,
                new Login(env(environment, "ZAVA_DB_APP", "zava_app"),
                        Optional.of(env(environment, "ZAVA_DB_APP_PASSWORD", "zava_app_dev"))),
                new Login(env(environment, "ZAVA_DB_OWNER", "zava_owner"),
                        Optional.of(env(environment, "ZAVA_DB_OWNER_PASSWORD", "zava_owner_dev"))),
                new Login(env(environment, "ZAVA_DB_SUPERUSER", "postgres"), Optional.empty()));
    }

    private static String env(Function<String, String> environment, String name, String fallback) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
