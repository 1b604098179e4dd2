package com.zava.retail.bootstrap.acceptance;

import com.zava.retail.application.port.in.ManageApiKeysUseCase;
import com.zava.retail.domain.ManagerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys the managers connect over HTTP with: one per manager for the whole suite, issued by
 * the application's own key service (the one behind the {@code keys create} command) on first use.
 */
final class ApiKeys {

    private static final Map<ManagerId, String> ISSUED = new ConcurrentHashMap<>();

    private ApiKeys() {
    }

    static String of(Caller caller, ManageApiKeysUseCase keys) {
        return ISSUED.computeIfAbsent(caller.managerId(),
                manager -> keys.create(manager, "acceptance: " + caller.description()).key());
    }
}
