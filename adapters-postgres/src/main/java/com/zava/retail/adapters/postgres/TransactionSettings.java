package com.zava.retail.adapters.postgres;

import com.zava.retail.domain.ManagerId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one statement that opens every read of this server (the managers' SQL, the product search,
 * the startup checks): the caller ({@code zava.manager_id}) and a statement timeout, plus any
 * further settings, all with {@code SET LOCAL} so they end with the transaction and never outlive
 * it on a pooled connection;
 * then a {@code SELECT 1}, which makes the transaction's READ ONLY mode final (PostgreSQL refuses
 * {@code SET TRANSACTION READ WRITE} once a query has run). One round trip for all of it.
 */
final class TransactionSettings {

    // SET takes no bind parameters, so names and values are written into the SQL text: only plain
    // identifiers and simple values get that far (a ManagerId is canonical UUID text).
    private static final Pattern NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private TransactionSettings() {
    }

    /**
     * @param manager the caller; empty for work on nobody's behalf, which then sees no store rows
     * @param extra   further transaction-local settings, applied after the standard ones
     */
    static String sql(Optional<ManagerId> manager, Duration statementTimeout, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        manager.ifPresent(id -> settings.put("zava.manager_id", id.asText()));
        settings.put("statement_timeout", Math.max(1, statementTimeout.toMillis()) + "ms");
        settings.putAll(extra);
        StringBuilder sql = new StringBuilder();
        settings.forEach((name, value) -> {
            if (!NAME.matcher(name).matches() || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("unsafe setting " + name + " = " + value);
            }
            sql.append("SET LOCAL ").append(name).append(" = '").append(value).append("'; ");
        });
        return sql.append("SELECT 1").toString();
    }
}
