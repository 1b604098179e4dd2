package com.zava.retail.application.port.out;

import java.util.Objects;

/**
 * An embedding model as stored next to its vectors, so a change of model is detected instead of
 * silently comparing vectors from different spaces.
 *
 * @param id         stable identifier, e.g. {@code all-minilm-l6-v2}
 * @param dimensions number of components of every vector
 */
public record EmbeddingModel(String id, int dimensions) {

    public EmbeddingModel {
        Objects.requireNonNull(id, "model id");
        if (id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("model id must be 1-100 characters");
        }
        if (dimensions < 1 || dimensions > 16_000) {
            throw new IllegalArgumentException("dimensions must be between 1 and 16000, was " + dimensions);
        }
    }
}
