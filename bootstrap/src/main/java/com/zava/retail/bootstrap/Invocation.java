package com.zava.retail.bootstrap;

import com.zava.retail.application.port.in.SeedCommand;
import java.util.List;
import java.util.Optional;

/** What the command line asked for. {@code springArgs} are {@code --key=value} settings for Spring. */
sealed interface Invocation {

    List<String> springArgs();

    /** Print usage. */
    record Help(List<String> springArgs) implements Invocation {
    }

    /** Run the server over one transport; stdio needs the manager the process acts for. */
    record Serve(Transport transport, Optional<String> managerId, List<String> springArgs) implements Invocation {
    }

    /** Manage API keys: {@code create} (manager and label), {@code list}, {@code revoke} (key id). */
    record Keys(String action, Optional<String> managerId, Optional<String> label, Optional<String> keyId,
            List<String> springArgs) implements Invocation {
    }

    /** First-run development keys and the VS Code configuration that uses them. */
    record DevSetup(String file, String url, List<String> springArgs) implements Invocation {
    }

    /** How clients reach the server. */
    enum Transport { HTTP, STDIO }

    /** Apply pending migrations and exit. */
    record DbMigrate(List<String> springArgs) implements Invocation {
    }

    /** Seed the sample data and exit. */
    record DbSeed(SeedCommand command, List<String> springArgs) implements Invocation {
    }
}
