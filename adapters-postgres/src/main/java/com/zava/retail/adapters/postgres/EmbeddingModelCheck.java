package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.EmbeddingModel;
import java.util.List;
import java.util.OptionalInt;

/**
 * Refuses to serve semantic search over vectors from another model: comparing vectors of two
 * models gives confident nonsense, so a mismatch must be a clear error instead.
 */
public final class EmbeddingModelCheck {

    private final StoredEmbeddingModels stored;

    EmbeddingModelCheck(StoredEmbeddingModels stored) {
        this.stored = stored;
    }

    /**
     * @throws IllegalStateException when stored vectors come from another model or have another size
     */
    public void verify(EmbeddingModel configured) {
        OptionalInt dimensions = stored.vectorDimensions();
        if (dimensions.isPresent() && dimensions.getAsInt() != configured.dimensions()) {
            throw new IllegalStateException("The embeddings table holds " + dimensions.getAsInt() + "-dimensional "
                    + "vectors but the configured embedding model " + configured.id() + " makes "
                    + configured.dimensions() + ". Configure the model the database was created for, or recreate "
                    + "the database with zava.database.embedding-dimensions=" + configured.dimensions() + ".");
        }
        List<String> models = stored.modelIds();
        if (!models.isEmpty() && !models.contains(configured.id())) {
            throw new IllegalStateException("The stored product embeddings were made with " + String.join(", ", models)
                    + " but the server is configured with " + configured.id() + ". Re-seed with the configured "
                    + "model (db seed --replace) or configure " + models.get(0) + ".");
        }
    }
}
