package com.zava.retail.application.service;

import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.EmbeddingModel;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vector of a phrase never changes for a given model, so this replica keeps recent ones in
 * memory in front of the shared cache: a repeated search then skips the model and the shared
 * cache's round trip too. Writes go to both, so other replicas still find what this one embedded.
 * Bounded: when full it starts over, so callers' phrases cannot grow it without end (1,000
 * vectors of 384 floats are 1.5 MB).
 */
public final class NearEmbeddingCache implements EmbeddingCache {

    private record Key(String model, String text) {
    }

    private final EmbeddingCache shared;
    private final int maxEntries;
    private final ConcurrentHashMap<Key, float[]> near = new ConcurrentHashMap<>();

    public NearEmbeddingCache(EmbeddingCache shared, int maxEntries) {
        this.shared = Objects.requireNonNull(shared, "shared");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<float[]> get(EmbeddingModel model, String text) {
        Key key = new Key(model.id(), text);
        float[] vector = near.get(key);
        if (vector != null) {
            return Optional.of(vector.clone());
        }
        Optional<float[]> found = shared.get(model, text);
        found.ifPresent(v -> remember(key, v));
        return found;
    }

    @Override
    public void put(EmbeddingModel model, String text, float[] vector) {
        remember(new Key(model.id(), text), vector);
        shared.put(model, text, vector);
    }

    private void remember(Key key, float[] vector) {
        if (near.size() >= maxEntries) {
            near.clear();
        }
        near.put(key, vector.clone());
    }
}
