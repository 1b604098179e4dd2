package com.zava.retail.bootstrap;

import com.zava.retail.application.port.in.ManageApiKeysUseCase;
import com.zava.retail.application.port.in.ManageApiKeysUseCase.IssuedApiKey;
import com.zava.retail.application.sampledata.ZavaStore;
import com.zava.retail.domain.ManagerId;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code keys dev-setup --write .vscode/mcp.json}: on a developer's first run, creates an API key
 * for head office and each store and writes a VS Code MCP configuration that uses them, so a
 * newcomer connects without editing anything. Does nothing when the file already exists; the file
 * holds secrets and is git-ignored.
 */
final class DevelopmentKeys {

    private DevelopmentKeys() {
    }

    static int run(Path file, String url, ManageApiKeysUseCase apiKeys, PrintStream out) {
        if (Files.exists(file)) {
            out.println(file + " already exists; no development keys created.");
            return 0;
        }
        Map<String, String> httpServers = new LinkedHashMap<>();
        httpServers.put("zava-head-office", apiKeys.create(ManagerId.HEAD_OFFICE, "development: head office").key());
        for (ZavaStore store : ZavaStore.values()) {
            IssuedApiKey key = apiKeys.create(store.managerId(), "development: " + store.storeName());
            httpServers.put("zava-" + store.name().toLowerCase(Locale.ROOT), key.key());
        }
        List<String> entries = new ArrayList<>();
        httpServers.forEach((name, key) -> entries.add("    \"" + name + "\": {\n"
                + "      \"type\": \"http\",\n"
                + "      \"url\": \"" + url + "\",\n"
                + "      \"headers\": { \"Authorization\": \"Bearer " + key + "\" }\n"
                + "    }"));
        entries.add("    \"zava-seattle-stdio\": {\n"
                + "      \"type\": \"stdio\",\n"
                + "      \"command\": \"java\",\n"
                // The extracted jar and its class-data sharing archive (make build prepares both with
                // infra/local/stdio-cds.sh): VS Code starts a JVM per session, and this start is
                // about twice as fast as the executable jar's. JVM messages go to stderr, never
                // onto the protocol stream.
                + "      \"args\": [\"-XX:SharedArchiveFile=${workspaceFolder}/bootstrap/target/app/zava-retail-mcp.jsa\", "
                + "\"-Xlog:disable\", \"-Xlog:all=warning:stderr\", "
                + "\"-jar\", \"${workspaceFolder}/bootstrap/target/app/zava-retail-mcp.jar\", \"serve\", "
                + "\"--transport\", \"stdio\"],\n"
                + "      \"env\": { \"ZAVA_STDIO_MANAGER_ID\": \"" + ZavaStore.SEATTLE.managerId() + "\" }\n"
                + "    }");
        String json = "{\n  \"servers\": {\n" + String.join(",\n", entries) + "\n  }\n}\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        out.println("Created development API keys for head office and the eight stores and wrote " + file
                + " (git-ignored: it holds the keys).");
        return 0;
    }
}
