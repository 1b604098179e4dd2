package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.EmbeddingModel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NearEmbeddingCacheTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("near-model", 2);

    /** The shared cache, counting how often it is asked. */
    private final AtomicInteger sharedReads = new AtomicInteger();
    private final InMemoryEmbeddingCache sharedStore = new InMemoryEmbeddingCache();
    private final EmbeddingCache shared = new EmbeddingCache() {
        @Override
        public Optional<float[]> get(EmbeddingModel model, String text) {
            sharedReads.incrementAndGet();
            return sharedStore.get(model, text);
        }

        @Override
        public void put(EmbeddingModel model, String text, float[] vector) {
            sharedStore.put(model, text, vector);
        }
    };

    @Test
    void aRepeatedPhraseIsAnsweredWithoutTheSharedCache() {
        NearEmbeddingCache near = new NearEmbeddingCache(shared, 10);
        near.put(MODEL, "cordless drill", new float[] {0.6f, 0.8f});
        assertThat(sharedStore.get(MODEL, "cordless drill")).as("written through for other replicas").isPresent();
        assertThat(near.get(MODEL, "cordless drill")).hasValueSatisfying(v -> assertThat(v).containsExactly(0.6f, 0.8f));
        assertThat(sharedReads).hasValue(0);
    }

    @Test
    void aVectorAnotherReplicaStoredIsFetchedOnceThenKeptHere() {
        sharedStore.put(MODEL, "garden hose", new float[] {1f, 0f});
        NearEmbeddingCache near = new NearEmbeddingCache(shared, 10);
        assertThat(near.get(MODEL, "garden hose")).isPresent();
        assertThat(near.get(MODEL, "garden hose")).isPresent();
        assertThat(sharedReads).hasValue(1);
    }

    @Test
    void callersCannotChangeWhatIsCachedAndTheCacheStaysBounded() {
        NearEmbeddingCache near = new NearEmbeddingCache(shared, 2);
        float[] vector = {0.6f, 0.8f};
        near.put(MODEL, "paint", vector);
        vector[0] = 99f;
        near.get(MODEL, "paint").orElseThrow()[1] = 99f;
        assertThat(near.get(MODEL, "paint")).hasValueSatisfying(v -> assertThat(v).containsExactly(0.6f, 0.8f));
        near.put(MODEL, "tiles", new float[] {1f, 0f});
        near.put(MODEL, "grout", new float[] {0f, 1f}); // full: starts over
        sharedReads.set(0);
        assertThat(near.get(MODEL, "paint")).as("forgotten here, still shared").isPresent();
        assertThat(sharedReads).hasValue(1);
    }
}
