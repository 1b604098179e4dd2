package com.zava.retail.bootstrap;

import com.zava.retail.application.port.in.SeedCommand;
import com.zava.retail.application.port.in.SeedCommand.IfSeeded;
import com.zava.retail.application.sampledata.Scale;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the command line. Our own options come after the command; anything of the form
 * {@code --key=value} that is not ours is handed to Spring as a setting (e.g.
 * {@code --server.port=9000}). Mistakes raise {@link IllegalArgumentException} with a message
 * that says what to type instead.
 */
final class CommandLineParser {

    static final String USAGE = """
            Usage: java -jar zava-retail-mcp.jar [command] [options] [--spring.setting=value ...]

            Commands:
              serve [options]       start the MCP server (the default)
                --transport http|stdio  Streamable HTTP on port 8000 (default; env ZAVA_TRANSPORT) or stdio
                --manager-id UUID       stdio only: the manager this process acts for (env ZAVA_STDIO_MANAGER_ID)
              db migrate            apply pending database migrations and exit
              db seed [options]     fill the database with the Zava sample data set and exit
                --scale full|small    how much data (default full: 50,000 customers, ~200,000 orders)
                --seed N              random seed (default 42); same seed + as-of date = same data
                --as-of YYYY-MM-DD    last day with orders (default today, UTC)
                --replace             replace data that is already there (otherwise refused)
                --if-empty            do nothing when data is already there
              keys create --manager UUID --label TEXT   create an API key (shown once) for a manager
              keys list             list API keys (ids, managers, labels, created, revoked)
              keys revoke ID        revoke an API key
              keys dev-setup --write FILE [--url URL]   first run only: keys for head office and every
                                    store, and a VS Code mcp.json using them (make run does this)
              help                  show this text
            """;

    private CommandLineParser() {
    }

    static Invocation parse(String[] args) {
        return parse(args, System::getenv);
    }

    static Invocation parse(String[] args, java.util.function.Function<String, String> environment) {
        List<String> words = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=") && !isSeedOption(arg.substring(0, arg.indexOf('=')))) {
                springArgs.add(arg);
            } else {
                words.add(arg);
            }
        }
        if (words.isEmpty() || words.get(0).equals("serve")) {
            return parseServe(words.isEmpty() ? List.of() : words.subList(1, words.size()), springArgs, environment);
        }
        return switch (words.get(0)) {
            case "help", "--help", "-h" -> new Invocation.Help(springArgs);
            case "db" -> parseDb(words, springArgs);
            case "keys" -> parseKeys(words.subList(1, words.size()), springArgs);
            default -> throw new IllegalArgumentException("Unknown command '" + words.get(0)
                    + "'. Commands: serve, db migrate, db seed, help.");
        };
    }

    private static Invocation parseServe(List<String> options, List<String> springArgs,
            java.util.function.Function<String, String> environment) {
        String transport = Optional.ofNullable(environment.apply("ZAVA_TRANSPORT")).filter(t -> !t.isBlank()).orElse("http");
        Optional<String> managerId = Optional.ofNullable(environment.apply("ZAVA_STDIO_MANAGER_ID"))
                .filter(m -> !m.isBlank());
        var values = options(options, List.of("--transport", "--manager-id"), "serve");
        transport = values.getOrDefault("--transport", transport);
        if (values.containsKey("--manager-id")) {
            managerId = Optional.of(values.get("--manager-id"));
        }
        Invocation.Transport chosen = switch (transport.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "http" -> Invocation.Transport.HTTP;
            case "stdio" -> Invocation.Transport.STDIO;
            default -> throw new IllegalArgumentException("Unknown transport '" + transport + "': use http or stdio.");
        };
        if (chosen == Invocation.Transport.STDIO && managerId.isEmpty()) {
            throw new IllegalArgumentException("The stdio transport needs the manager this process acts for: pass "
                    + "--manager-id <uuid> or set ZAVA_STDIO_MANAGER_ID (00000000-0000-0000-0000-000000000000 is head "
                    + "office).");
        }
        return new Invocation.Serve(chosen, managerId, springArgs);
    }

    /**
     * Reads {@code --name value} and {@code --name=value} options; anything not in {@code allowed}
     * is a mistake named in the message.
     */
    private static java.util.Map<String, String> options(List<String> words, List<String> allowed, String command) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String option = words.get(i);
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("Unknown option '" + option + "' for '" + command + "'. Options: "
                        + String.join(", ", allowed) + ".");
            }
            if (value == null) {
                if (i + 1 >= words.size()) {
                    throw new IllegalArgumentException("Option " + name + " needs a value.");
                }
                value = words.get(++i);
            }
            values.put(name, value);
        }
        return values;
    }

    private static Invocation parseKeys(List<String> words, List<String> springArgs) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("'keys' needs a subcommand: create, list or revoke.");
        }
        switch (words.get(0)) {
            case "list" -> {
                requireNoMore(words, 1, "keys list");
                return new Invocation.Keys("list", Optional.empty(), Optional.empty(), Optional.empty(), springArgs);
            }
            case "dev-setup" -> {
                var values = options(words.subList(1, words.size()), List.of("--write", "--url"), "keys dev-setup");
                if (!values.containsKey("--write")) {
                    throw new IllegalArgumentException("Usage: keys dev-setup --write .vscode/mcp.json [--url URL].");
                }
                return new Invocation.DevSetup(values.get("--write"),
                        values.getOrDefault("--url", "http://127.0.0.1:8000/mcp"), springArgs);
            }
            case "revoke" -> {
                if (words.size() != 2) {
                    throw new IllegalArgumentException("Usage: keys revoke <key id> (see 'keys list' for ids).");
                }
                return new Invocation.Keys("revoke", Optional.empty(), Optional.empty(), Optional.of(words.get(1)),
                        springArgs);
            }
            case "create" -> {
                var values = options(words.subList(1, words.size()), List.of("--manager", "--label"), "keys create");
                Optional<String> manager = Optional.ofNullable(values.get("--manager"));
                Optional<String> label = Optional.ofNullable(values.get("--label"));
                if (manager.isEmpty() || label.isEmpty()) {
                    throw new IllegalArgumentException("Usage: keys create --manager <uuid> --label <text>.");
                }
                return new Invocation.Keys("create", manager, label, Optional.empty(), springArgs);
            }
            default -> throw new IllegalArgumentException("Unknown subcommand 'keys " + words.get(0)
                    + "'. Use keys create, keys list or keys revoke.");
        }
    }

    private static Invocation parseDb(List<String> words, List<String> springArgs) {
        if (words.size() < 2) {
            throw new IllegalArgumentException("'db' needs a subcommand: 'db migrate' or 'db seed'.");
        }
        return switch (words.get(1)) {
            case "migrate" -> {
                requireNoMore(words, 2, "db migrate");
                yield new Invocation.DbMigrate(springArgs);
            }
            case "seed" -> new Invocation.DbSeed(parseSeed(words.subList(2, words.size())), springArgs);
            default -> throw new IllegalArgumentException("Unknown subcommand 'db " + words.get(1)
                    + "'. Use 'db migrate' or 'db seed'.");
        };
    }

    private static SeedCommand parseSeed(List<String> options) {
        Scale scale = Scale.FULL;
        long seed = SeedCommand.DEFAULT_SEED;
        Optional<LocalDate> asOf = Optional.empty();
        boolean replace = false;
        boolean ifEmpty = false;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String inlineValue = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
            switch (name) {
                case "--replace" -> replace = true;
                case "--if-empty" -> ifEmpty = true;
                case "--scale", "--seed", "--as-of" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= options.size()) {
                            throw new IllegalArgumentException("Option " + name + " needs a value.");
                        }
                        value = options.get(++i);
                    }
                    switch (name) {
                        case "--scale" -> scale = Scale.parse(value);
                        case "--seed" -> seed = parseSeedValue(value);
                        default -> asOf = Optional.of(parseDate(value));
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option '" + option + "' for 'db seed'. "
                        + "Options: --scale full|small, --seed N, --as-of YYYY-MM-DD, --replace, --if-empty.");
            }
        }
        if (replace && ifEmpty) {
            throw new IllegalArgumentException("--replace and --if-empty contradict each other: choose one.");
        }
        return new SeedCommand(scale, seed, asOf, replace ? IfSeeded.REPLACE : ifEmpty ? IfSeeded.SKIP : IfSeeded.REFUSE);
    }

    private static long parseSeedValue(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed takes a whole number, not '" + value + "'.");
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of takes a date as YYYY-MM-DD, not '" + value + "'.");
        }
    }

    private static boolean isSeedOption(String name) {
        return name.equals("--scale") || name.equals("--seed") || name.equals("--as-of") || name.equals("--transport")
                || name.equals("--manager-id") || name.equals("--manager") || name.equals("--label")
                || name.equals("--write") || name.equals("--url");
    }

    private static void requireNoMore(List<String> words, int from, String command) {
        if (words.size() > from) {
            throw new IllegalArgumentException("Unexpected '" + words.get(from) + "' after '" + command + "'.");
        }
    }
}
