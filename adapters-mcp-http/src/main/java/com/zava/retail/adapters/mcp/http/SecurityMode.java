package com.zava.retail.adapters.mcp.http;

/** How HTTP callers prove who they are ({@code zava.security.mode}, {@code ZAVA_SECURITY_MODE}). */
public enum SecurityMode {
    /**
     * The {@code x-rls-user-id} header names the manager. Only for local development or behind a
     * gateway that authenticates callers and sets the header itself.
     */
    TRUSTED_HEADER,
    /** {@code Authorization: Bearer <api key>}; keys are created with the {@code keys} command. */
    API_KEY,
    /** {@code Authorization: Bearer <JWT>} from an OAuth 2 authorization server, checked against its JWKS. */
    JWT
}
