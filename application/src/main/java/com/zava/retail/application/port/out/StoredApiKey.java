package com.zava.retail.application.port.out;

import com.zava.retail.domain.ManagerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key as stored: which manager it acts for, a label for people, and the salt and hash that
 * verify its secret. {@code label} and {@code createdAt} may be absent when the store is read by a
 * role that only verifies keys.
 */
public record StoredApiKey(String keyId, ManagerId manager, String label, byte[] salt, byte[] secretHash,
        Instant createdAt, Optional<Instant> revokedAt) {

    public StoredApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }
}
