package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.application.port.in.ManageApiKeysUseCase.IssuedApiKey;
import com.zava.retail.application.port.out.ApiKeyStore;
import com.zava.retail.application.port.out.StoredApiKey;
import com.zava.retail.domain.InvalidInputException;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");

    private final Map<String, StoredApiKey> keys = new LinkedHashMap<>();
    private final ApiKeyStore store = new ApiKeyStore() {
        @Override
        public Optional<StoredApiKey> find(String keyId) {
            return Optional.ofNullable(keys.get(keyId));
        }

        @Override
        public void add(StoredApiKey key) {
            keys.put(key.keyId(), key);
        }

        @Override
        public List<StoredApiKey> list() {
            List<StoredApiKey> all = new ArrayList<>(keys.values());
            all.sort(Comparator.comparing(StoredApiKey::createdAt).reversed());
            return all;
        }

        @Override
        public boolean revoke(String keyId, Instant at) {
            StoredApiKey key = keys.get(keyId);
            if (key == null) {
                return false;
            }
            keys.put(keyId, new StoredApiKey(key.keyId(), key.manager(), key.label(), key.salt(), key.secretHash(),
                    key.createdAt(), Optional.of(at)));
            return true;
        }
    };
    private final java.util.concurrent.atomic.AtomicReference<Instant> now =
            new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));
    private final ApiKeyService service = new ApiKeyService(store, now::get);

    @Test
    void aCreatedKeyAuthenticatesAsItsManagerAndIsStoredOnlyAsAHash() {
        IssuedApiKey issued = service.create(SEATTLE, "Seattle laptop");
        assertThat(issued.key()).matches("zava_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(issued.toString()).doesNotContain(issued.key());
        assertThat(service.authenticate(issued.key())).contains(SEATTLE);
        StoredApiKey stored = keys.get(issued.keyId());
        assertThat(new String(stored.secretHash(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(issued.key().substring(18));
    }

    @Test
    void wrongUnknownMalformedAndRevokedKeysAuthenticateNoOne() {
        IssuedApiKey issued = service.create(SEATTLE, "Seattle laptop");
        String wrongSecret = issued.key().substring(0, issued.key().length() - 1)
                + (issued.key().endsWith("A") ? "B" : "A");
        assertThat(service.authenticate(wrongSecret)).isEmpty();
        assertThat(service.authenticate("zava_000000000000_" + issued.key().substring(18))).isEmpty();
        assertThat(service.authenticate("not-a-key")).isEmpty();
        assertThat(service.authenticate("")).isEmpty();
        assertThat(service.authenticate(null)).isEmpty();
        assertThat(service.authenticate(issued.key() + "' OR 1=1 --")).isEmpty();
        service.revoke(issued.keyId());
        assertThat(service.authenticate(issued.key())).isEmpty();
        assertThat(service.list()).singleElement().satisfies(k -> assertThat(k.revoked()).isTrue());
    }

    @Test
    void aRevocationMadeElsewhereTakesEffectWithinTheRecordTimeToLive() {
        IssuedApiKey issued = service.create(SEATTLE, "Seattle laptop");
        assertThat(service.authenticate(issued.key())).contains(SEATTLE);
        store.revoke(issued.keyId(), now.get()); // e.g. the keys command on another machine
        now.set(now.get().plus(ApiKeyService.RECORD_TTL).plusMillis(1));
        assertThat(service.authenticate(issued.key())).isEmpty();
    }

    @Test
    void mistakesSayWhatToDo() {
        assertThatThrownBy(() -> service.create(SEATTLE, " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("label");
        assertThatThrownBy(() -> service.revoke("nope")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("keys list");
    }
}
