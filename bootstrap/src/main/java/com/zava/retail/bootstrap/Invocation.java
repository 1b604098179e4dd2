package com.zava.retail.bootstrap;

import com.zava.retail.application.port.in.SeedCommand;
import java.util.List;

/** What the command line asked for. {@code springArgs} are {@code --key=value} settings for Spring. */
sealed interface Invocation {

    List<String> springArgs();

    /** Print usage. */
    record Help(List<String> springArgs) implements Invocation {
    }

    /** Run the server. */
    record Serve(List<String> springArgs) implements Invocation {
    }

    /** Apply pending migrations and exit. */
    record DbMigrate(List<String> springArgs) implements Invocation {
    }

    /** Seed the sample data and exit. */
    record DbSeed(SeedCommand command, List<String> springArgs) implements Invocation {
    }
}
