package com.zava.retail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head office API key the HTTP clients authenticate with, made with the jar's own
 * {@code keys create} (as a user would) and revoked when the run ends, so runs leave no usable
 * credential behind.
 */
final class ApiKeys {

    private static final Pattern KEY = Pattern.compile("zava_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private static final Pattern KEY_ID = Pattern.compile("Created API key (\\S+)");

    /** @param id what {@code keys revoke} takes; @param secret what goes after {@code Bearer} */
    record ApiKey(String id, String secret) {
        @Override
        public String toString() {
            return id; // never the secret
        }
    }

    private ApiKeys() {
    }

    static ApiKey create(ServerSettings settings) throws IOException, InterruptedException {
        String out = run(settings, "keys", "create", "--manager", ServerSettings.HEAD_OFFICE, "--label",
                "benchmark " + Instant.now());
        Matcher key = KEY.matcher(out);
        Matcher id = KEY_ID.matcher(out);
        if (!key.find()) {
            throw new IllegalStateException("'keys create' printed no key; see " + settings.log("keys")
                    + ". It printed:\n" + out);
        }
        if (!id.find()) {
            throw new IllegalStateException("'keys create' printed a key but no key id (output format changed?)");
        }
        return new ApiKey(id.group(1), key.group());
    }

    static void revoke(ServerSettings settings, ApiKey key) throws IOException, InterruptedException {
        run(settings, "keys", "revoke", key.id());
    }

    /** Runs a command of the jar; stdout is returned, stderr goes to the keys log. */
    private static String run(ServerSettings settings, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(settings.command(args));
        builder.environment().putAll(settings.environment());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(settings.log("keys").toFile()));
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + String.join(" ", args) + "' failed; see " + settings.log("keys"));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
