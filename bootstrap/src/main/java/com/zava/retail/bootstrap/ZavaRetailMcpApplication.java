package com.zava.retail.bootstrap;

import com.zava.retail.adapters.postgres.PostgresAdapterConfiguration;
import com.zava.retail.adapters.redis.RedisAdapterConfiguration;
import com.zava.retail.application.port.in.ManageApiKeysUseCase;
import com.zava.retail.application.port.in.SeedReport;
import com.zava.retail.application.port.in.SeedSampleDataUseCase;
import com.zava.retail.domain.DomainException;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.adapters.mcp.core.McpSalesTools;
import com.zava.retail.adapters.mcp.stdio.McpStdioServer;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The Zava Retail MCP server and its command line. Component scanning is limited to this package:
 * adapters are brought in through their configuration classes, services through {@code @Bean}
 * methods, so the wiring can be read in one place.
 */
@SpringBootApplication
@Import({PostgresAdapterConfiguration.class, RedisAdapterConfiguration.class})
public class ZavaRetailMcpApplication {

    /** Exit code for a mistake on the command line. */
    static final int USAGE_ERROR = 2;

    private static final String LETTUCE_JFR = "io.lettuce.core.jfr";

    public static void main(String[] args) {
        // Lettuce (the Redis client) defines a JFR event class for each of its events and loads
        // them all at start-up, about 90 classes and 1.4 MB of class metadata, unless told not to.
        // Our own metrics and traces cover Redis; -Dio.lettuce.core.jfr=true brings them back.
        if (System.getProperty(LETTUCE_JFR) == null) {
            System.setProperty(LETTUCE_JFR, "false");
        }
        int exitCode = run(args, System.out, System.err);
        if (exitCode >= 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Runs one invocation. Returns the process exit code for commands that finish, or -1 when the
     * server was started and keeps running.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = CommandLineParser.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(CommandLineParser.USAGE);
            return USAGE_ERROR;
        }
        String[] springArgs = invocation.springArgs().toArray(String[]::new);
        if (invocation instanceof Invocation.Help) {
            out.print(CommandLineParser.USAGE);
            return 0;
        }
        if (invocation instanceof Invocation.DbMigrate) {
            return runCommand(springArgs, err, context -> {
                out.println("Database migrated.");
                return 0;
            });
        }
        if (invocation instanceof Invocation.Keys keys) {
            return runCommand(springArgs, err, context -> ApiKeyCommands.run(keys,
                    context.getBean(ManageApiKeysUseCase.class), out));
        }
        if (invocation instanceof Invocation.DevSetup setup) {
            return runCommand(springArgs, err, context -> DevelopmentKeys.run(java.nio.file.Path.of(setup.file()),
                    setup.url(), context.getBean(ManageApiKeysUseCase.class), out));
        }
        if (invocation instanceof Invocation.DbSeed seed) {
            return runCommand(springArgs, err, context -> {
                SeedReport report = context.getBean(SeedSampleDataUseCase.class).seed(seed.command());
                printReport(report, out);
                return 0;
            });
        }
        Invocation.Serve serve = (Invocation.Serve) invocation;
        if (serve.transport() == Invocation.Transport.STDIO) {
            return serveStdio(serve, springArgs, out, err);
        }
        try {
            SpringApplication.run(ZavaRetailMcpApplication.class, springArgs);
        } catch (RuntimeException e) {
            // Spring Boot has logged why. Exit instead of returning: threads that started before the
            // failure (Redis client, audit writer) would keep a half-started process alive, and an
            // orchestrator would wait for its readiness forever instead of restarting it.
            err.println("error: the server could not start: " + rootMessage(e));
            return 1;
        }
        return -1;
    }

    /** One manager, one client, until the client closes stdin. Nothing but protocol on stdout. */
    private static int serveStdio(Invocation.Serve serve, String[] springArgs, PrintStream out, PrintStream err) {
        ManagerId manager;
        try {
            manager = ManagerId.parse(serve.managerId().orElseThrow());
        } catch (DomainException e) {
            err.println("error: --manager-id / ZAVA_STDIO_MANAGER_ID: " + e.getMessage());
            return USAGE_ERROR;
        }
        // From here on the protocol owns `out`; anything else printing to System.out would corrupt it.
        System.setOut(err);
        CompletableFuture<McpSalesTools> tools = new CompletableFuture<>();
        // The MCP server answers initialize and tools/list while the application starts behind it.
        try (McpStdioServer server = McpStdioServer.start(tools::join, manager, version(), System.in, out)) {
            ConfigurableApplicationContext context;
            try {
                context = new SpringApplicationBuilder(ZavaRetailMcpApplication.class)
                        .web(WebApplicationType.NONE)
                        .properties("spring.main.banner-mode=off", "zava.transport=stdio")
                        .run(springArgs);
                tools.complete(context.getBean(McpSalesTools.class));
            } catch (RuntimeException e) {
                tools.completeExceptionally(e);
                err.println("error: the server could not start: " + rootMessage(e));
                return 1;
            }
            try (context) {
                server.awaitInputClosed();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String version() {
        String version = ZavaRetailMcpApplication.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Starts the application without a web server (migrations run on start), runs the task, stops. */
    private static int runCommand(String[] springArgs, PrintStream err, Task task) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ZavaRetailMcpApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                // Progress goes where this invocation's messages go (stderr when run from a shell).
                .initializers(starting -> starting.getBeanFactory()
                        .registerSingleton("seedProgress", new TerminalSeedProgress(err)))
                .run(springArgs)) {
            return task.run(context);
        } catch (DomainException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + rootMessage(e));
            return 1;
        }
    }

    private static void printReport(SeedReport report, PrintStream out) {
        if (!report.seeded()) {
            out.println("The database already holds sample data; nothing was changed.");
            return;
        }
        out.printf(Locale.ROOT, "Seeded the Zava sample data (orders up to %s) in %.1f s:%n", report.asOf(),
                report.elapsed().toMillis() / 1000.0);
        report.rowCounts().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.printf(Locale.ROOT, "  %-32s %,10d%n", e.getKey(), e.getValue()));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + cause.getMessage() + ")";
    }

    @FunctionalInterface
    private interface Task {
        int run(ConfigurableApplicationContext context);
    }
}
