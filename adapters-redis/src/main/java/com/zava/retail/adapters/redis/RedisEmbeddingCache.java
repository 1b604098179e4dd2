package com.zava.retail.adapters.redis;

import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.EmbeddingModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * Vectors of search phrases, shared by all replicas: raw little-endian floats (1.5 KB for 384
 * dimensions), keyed by model and a hash of the phrase.
 */
final class RedisEmbeddingCache implements EmbeddingCache {

    private final RedisStore store;
    private final Duration timeToLive;

    RedisEmbeddingCache(RedisStore store, Duration timeToLive) {
        this.store = store;
        this.timeToLive = timeToLive;
    }

    @Override
    public Optional<float[]> get(EmbeddingModel model, String text) {
        return store.get("embedding", RedisKeys.embedding(model.id(), text))
                // A vector of another length was written by another model configuration: a miss.
                .filter(value -> value.length == model.dimensions() * Float.BYTES)
                .map(value -> {
                    float[] vector = new float[model.dimensions()];
                    ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
                    return vector;
                });
    }

    @Override
    public void put(EmbeddingModel model, String text, float[] vector) {
        ByteBuffer value = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        value.asFloatBuffer().put(vector);
        store.put(RedisKeys.embedding(model.id(), text), value.array(), timeToLive);
    }
}
