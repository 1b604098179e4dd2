package com.zava.retail.application.service;

import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.EmbeddingModel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fake embedding cache of service tests: a map, no expiry. */
public final class InMemoryEmbeddingCache implements EmbeddingCache {

    private record Key(EmbeddingModel model, String text) {
    }

    private final Map<Key, float[]> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<float[]> get(EmbeddingModel model, String text) {
        return Optional.ofNullable(entries.get(new Key(model, text))).map(float[]::clone);
    }

    @Override
    public void put(EmbeddingModel model, String text, float[] vector) {
        entries.put(new Key(model, text), vector.clone());
    }
}
