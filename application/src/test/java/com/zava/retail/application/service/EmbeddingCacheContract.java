package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.EmbeddingModel;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link EmbeddingCache} promises; run against the fake here and Redis in adapters-redis. */
public abstract class EmbeddingCacheContract {

    protected static final EmbeddingModel MODEL = new EmbeddingModel("contract-model", 4);

    protected abstract EmbeddingCache cache();

    protected static String freshPhrase() {
        return "waterproof outdoor lighting " + UUID.randomUUID();
    }

    @Test
    void aStoredVectorComesBackExactly() {
        EmbeddingCache cache = cache();
        String phrase = freshPhrase();
        assertThat(cache.get(MODEL, phrase)).isEmpty();
        float[] vector = {0.5f, -0.25f, Float.MIN_VALUE, 1.0f / 3};
        cache.put(MODEL, phrase, vector);
        assertThat(cache.get(MODEL, phrase)).hasValueSatisfying(v -> assertThat(v).containsExactly(vector));
    }

    @Test
    void vectorsOfAnotherModelAreNeverReturned() {
        EmbeddingCache cache = cache();
        String phrase = freshPhrase();
        cache.put(MODEL, phrase, new float[] {1, 0, 0, 0});
        assertThat(cache.get(new EmbeddingModel("other-model", 4), phrase)).isEmpty();
    }

    @Test
    void phrasesThatDifferOnlyInWhiteSpaceShareOneKey() {
        assertThat(EmbeddingCache.normalise("  waterproof \t outdoor\nlighting ")).isEqualTo("waterproof outdoor lighting");
        assertThat(EmbeddingCache.normalise("ｗａｔｅｒｐｒｏｏｆ")).isEqualTo("waterproof");
    }
}
