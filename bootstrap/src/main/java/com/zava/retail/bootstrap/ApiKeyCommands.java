package com.zava.retail.bootstrap;

import com.zava.retail.application.port.in.ManageApiKeysUseCase;
import com.zava.retail.application.port.in.ManageApiKeysUseCase.IssuedApiKey;
import com.zava.retail.application.port.out.StoredApiKey;
import com.zava.retail.domain.ManagerId;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The {@code keys} command: create, list and revoke API keys. */
final class ApiKeyCommands {

    private ApiKeyCommands() {
    }

    static int run(Invocation.Keys keys, ManageApiKeysUseCase apiKeys, PrintStream out) {
        switch (keys.action()) {
            case "create" -> {
                IssuedApiKey issued = apiKeys.create(ManagerId.parse(keys.managerId().orElseThrow()),
                        keys.label().orElseThrow());
                out.println("Created API key " + issued.keyId() + " for manager " + issued.manager() + " ("
                        + issued.label() + "). It is shown only now; store it safely:");
                out.println(issued.key());
                out.println("Use it as: Authorization: Bearer " + issued.key());
            }
            case "revoke" -> {
                apiKeys.revoke(keys.keyId().orElseThrow());
                out.println("Revoked API key " + keys.keyId().orElseThrow() + ".");
            }
            default -> print(apiKeys.list(), out);
        }
        return 0;
    }

    private static void print(List<StoredApiKey> keys, PrintStream out) {
        if (keys.isEmpty()) {
            out.println("No API keys yet. Create one with: keys create --manager <uuid> --label <text>");
            return;
        }
        out.printf(Locale.ROOT, "%-12s  %-36s  %-20s  %-24s  %s%n", "ID", "MANAGER", "CREATED", "REVOKED", "LABEL");
        for (StoredApiKey key : keys) {
            out.printf(Locale.ROOT, "%-12s  %-36s  %-20s  %-24s  %s%n", key.keyId(), key.manager(),
                    key.createdAt().toString().substring(0, 19), key.revokedAt().map(Object::toString).orElse("-"),
                    key.label());
        }
    }
}
