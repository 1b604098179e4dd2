package com.zava.retail.bootstrap;

import com.zava.retail.testsupport.PostgresTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in-process against the test database and captures what it prints. */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(PostgresTestDatabase database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + database.jdbcUrl());
        all.add("--spring.datasource.username=" + database.app().user());
        all.add("--spring.datasource.password=" + database.app().password());
        all.add("--spring.flyway.user=" + database.owner().user());
        all.add("--spring.flyway.password=" + database.owner().password());
        all.add("--zava.database.app-role=" + database.app().user());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ZavaRetailMcpApplication.run(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLineRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
