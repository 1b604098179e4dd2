package com.zava.retail.adapters.mcp.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OAuth 2 bearer tokens ({@code zava.security.jwt.*}), used when {@code zava.security.mode=jwt}.
 *
 * @param issuer       the authorization server; tokens must carry it as {@code iss}
 *                     ({@code ZAVA_SECURITY_JWT_ISSUER})
 * @param jwksUri      where its signing keys are published ({@code ZAVA_SECURITY_JWT_JWKS_URI})
 * @param audience     the value this server requires in {@code aud} ({@code ZAVA_SECURITY_JWT_AUDIENCE})
 * @param managerClaim the claim that holds the manager id ({@code ZAVA_SECURITY_JWT_MANAGER_CLAIM})
 */
@ConfigurationProperties(prefix = "zava.security.jwt")
public record JwtProperties(String issuer, String jwksUri, String audience,
        @DefaultValue("zava_manager_id") String managerClaim) {

    /** Refuses to start in jwt mode with a half-configured verifier. */
    void requireComplete() {
        if (isBlank(issuer) || isBlank(jwksUri) || isBlank(audience)) {
            throw new IllegalStateException("zava.security.mode=jwt needs ZAVA_SECURITY_JWT_ISSUER, "
                    + "ZAVA_SECURITY_JWT_JWKS_URI and ZAVA_SECURITY_JWT_AUDIENCE");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
