package com.zava.retail.adapters.mcp.http;

import com.zava.retail.domain.DomainException;
import com.zava.retail.domain.ManagerId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies an OAuth 2 bearer token: signature against the issuer's JWKS, issuer, audience, expiry
 * and not-before, then reads the manager id from the configured claim. Anything wrong gives no
 * manager at all; the reason is logged at debug level only.
 */
final class JwtCallerVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(JwtCallerVerifier.class);

    private final JwtDecoder decoder;
    private final String managerClaim;

    JwtCallerVerifier(JwtProperties properties) {
        properties.requireComplete();
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri()).build();
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience()))));
        this.decoder = nimbus;
        this.managerClaim = properties.managerClaim();
    }

    Optional<ManagerId> verify(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            return Optional.of(ManagerId.parse(jwt.getClaimAsString(managerClaim)));
        } catch (JwtException | DomainException | IllegalArgumentException e) {
            LOG.debug("Bearer token refused: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
