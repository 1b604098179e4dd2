package com.zava.retail.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept: never the key itself, only a salted hash of its secret. */
public interface ApiKeyStore {

    /** The key with this id, revoked or not. */
    Optional<StoredApiKey> find(String keyId);

    void add(StoredApiKey key);

    /** Every key, newest first. */
    List<StoredApiKey> list();

    /** Marks the key revoked at {@code at}; false when no such key exists. */
    boolean revoke(String keyId, Instant at);
}
