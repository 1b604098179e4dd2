package com.zava.retail.application.service;

import com.zava.retail.application.port.in.AuthenticateApiKeyUseCase;
import com.zava.retail.application.port.in.ManageApiKeysUseCase;
import com.zava.retail.application.port.out.ApiKeyStore;
import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.StoredApiKey;
import com.zava.retail.domain.InvalidInputException;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API keys of the form {@code zava_<id>_<secret>}: the id finds the stored record, the secret (32
 * random bytes) is checked against its salted SHA-256 in constant time. A slow password hash is not
 * needed: the secrets are random, not chosen by people, so they cannot be guessed from the hash.
 *
 * <p>Stored records are remembered for {@link #RECORD_TTL}, so a busy client does not cost a
 * database round trip per request; a revocation made elsewhere (the {@code keys} command, another
 * replica) therefore takes effect within that time.
 */
public final class ApiKeyService implements ManageApiKeysUseCase, AuthenticateApiKeyUseCase {

    /** How long a looked-up key record is trusted before it is read again. */
    public static final java.time.Duration RECORD_TTL = java.time.Duration.ofSeconds(5);
    private static final int MAX_REMEMBERED = 10_000;



    private static final Pattern KEY = Pattern.compile("zava_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final int MAX_LABEL = 200;

    private final ApiKeyStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Looked-up records by key id, including "no such key", so guessed ids cost no round trip either. */
    private final ExpiringMap<String, Optional<StoredApiKey>> remembered;

    public ApiKeyService(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.remembered = new ExpiringMap<>(clock, RECORD_TTL, MAX_REMEMBERED);
    }

    @Override
    public IssuedApiKey create(ManagerId manager, String label) {
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            throw new InvalidInputException("A key needs a label of 1 to " + MAX_LABEL + " characters saying who "
                    + "or what uses it.");
        }
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        byte[] salt = new byte[16];
        random.nextBytes(id);
        random.nextBytes(secret);
        random.nextBytes(salt);
        String keyId = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.add(new StoredApiKey(keyId, manager, label.strip(), salt, hash(salt, secretText), clock.now(),
                Optional.empty()));
        return new IssuedApiKey(keyId, manager, label.strip(), "zava_" + keyId + "_" + secretText);
    }

    @Override
    public List<StoredApiKey> list() {
        return store.list();
    }

    @Override
    public void revoke(String keyId) {
        if (keyId == null || !store.revoke(keyId.strip(), clock.now())) {
            throw new NotFoundException("No API key with id '" + keyId + "'. 'keys list' shows the ids.");
        }
        remembered.remove(keyId.strip());
    }

    @Override
    public Optional<ManagerId> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.length() > 100) {
            return Optional.empty();
        }
        var match = KEY.matcher(presentedKey.strip());
        if (!match.matches()) {
            return Optional.empty();
        }
        return lookUp(match.group(1))
                .filter(key -> !key.revoked())
                .filter(key -> MessageDigest.isEqual(key.secretHash(), hash(key.salt(), match.group(2))))
                .map(StoredApiKey::manager);
    }

    private Optional<StoredApiKey> lookUp(String keyId) {
        return remembered.get(keyId).orElseGet(() -> {
            Optional<StoredApiKey> key = store.find(keyId);
            remembered.put(keyId, key);
            return key;
        });
    }

    static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
