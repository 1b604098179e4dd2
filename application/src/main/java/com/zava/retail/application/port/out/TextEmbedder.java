package com.zava.retail.application.port.out;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a vector whose cosine similarity to other vectors of the same model reflects
 * closeness of meaning. Used for product descriptions at seed time and for search phrases.
 */
public interface TextEmbedder {

    /** The model this embedder runs; vectors of different models must never be compared. */
    EmbeddingModel model();

    /**
     * Embeds one text.
     *
     * @return a vector of {@link EmbeddingModel#dimensions()} components, normalised to length 1
     */
    float[] embed(String text);

    /** Embeds several texts; adapters override this when their model batches efficiently. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }
}
