package com.zava.retail.application.service;

import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.application.port.out.TextEmbedder;
import java.nio.charset.StandardCharsets;

/**
 * A deterministic stand-in for a real embedding model: texts that share words get similar vectors
 * (a bag of hashed words), which is enough for service tests.
 */
public final class FakeTextEmbedder implements TextEmbedder {

    private static final EmbeddingModel MODEL = new EmbeddingModel("fake-model", 16);

    @Override
    public EmbeddingModel model() {
        return MODEL;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = new float[MODEL.dimensions()];
        for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                int h = java.util.Arrays.hashCode(word.getBytes(StandardCharsets.UTF_8));
                vector[Math.floorMod(h, vector.length)] += 1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
