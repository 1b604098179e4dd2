package com.zava.retail.application.port.out;

import java.util.Optional;

/**
 * Remembers the vectors of search phrases, so a repeated search skips the model. Keys include the
 * model: vectors of different models must never be mixed. A cache that cannot reach its store
 * answers "not cached" and forgets writes; it never fails the search.
 */
public interface EmbeddingCache {

    /** @param text the phrase as {@link #normalise(String)} returned it */
    Optional<float[]> get(EmbeddingModel model, String text);

    void put(EmbeddingModel model, String text, float[] vector);

    /**
     * The form of a phrase used as key: Unicode-normalised (NFKC), runs of white space folded to
     * one space, trimmed. Embedders split on white space, so this never changes the vector.
     */
    static String normalise(String text) {
        String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        return folded.strip().replaceAll("\\s+", " ");
    }
}
