package com.zava.retail.adapters.postgres;

import java.util.regex.Pattern;

/**
 * What the migrations need to know about the deployment.
 *
 * @param appRole             the runtime role that gets read-only grants (the server's login)
 * @param embeddingDimensions the vector size of the configured embedding model
 */
public record MigrationSettings(String appRole, int embeddingDimensions) {

    // Role names end up in GRANT statements as quoted identifiers; a strict shape keeps them inert.
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public MigrationSettings {
        if (appRole == null || !ROLE_NAME.matcher(appRole).matches()) {
            throw new IllegalArgumentException("The application role must be a lower-case PostgreSQL identifier, was '"
                    + appRole + "'");
        }
        if (embeddingDimensions < 1 || embeddingDimensions > 16_000) {
            throw new IllegalArgumentException("Embedding dimensions must be between 1 and 16000, was "
                    + embeddingDimensions);
        }
    }
}
