package com.zava.retail.adapters.embeddings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The JSON of the OpenAI embeddings API ({@code POST /embeddings}), which Azure OpenAI and most
 * self-hosted servers also speak. Anything in an answer that is not the expected shape is
 * "unreadable"; the answer's text never reaches a message.
 */
final class EmbeddingsJson {

    private final ObjectMapper mapper = new ObjectMapper();
    private final String model;
    private final int dimensions;

    EmbeddingsJson(String model, int dimensions) {
        this.model = model;
        this.dimensions = dimensions;
    }

    /**
     * {@code {"input": ..., "model": ..., "dimensions": ...}}; one text goes as a plain string, as
     * the API documents for the common case, several as an array.
     */
    byte[] request(List<String> inputs) {
        ObjectNode body = mapper.createObjectNode();
        if (inputs.size() == 1) {
            body.put("input", inputs.get(0));
        } else {
            ArrayNode array = body.putArray("input");
            inputs.forEach(array::add);
        }
        body.put("model", model);
        body.put("dimensions", dimensions);
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an embeddings request", e);
        }
    }

    /**
     * The raw vectors of {@code data[*].embedding}, in the order of the inputs. The API tags each
     * item with the {@code index} of its input; we place items by it rather than trusting the order.
     *
     * @throws EmbeddingServiceFailure when the answer is not the documented shape or has the wrong
     *                                 number of vectors
     */
    float[][] vectors(byte[] body, int expected) {
        JsonNode data;
        try {
            data = mapper.readTree(body).path("data");
        } catch (IOException e) {
            throw EmbeddingServiceFailure.unreadable("an answer that is not JSON");
        }
        if (!data.isArray() || data.size() != expected) {
            throw EmbeddingServiceFailure.unreadable("an answer without " + expected + " embedding(s)");
        }
        float[][] vectors = new float[expected][];
        for (int position = 0; position < expected; position++) {
            JsonNode item = data.get(position);
            int index = item.has("index") ? item.path("index").asInt(-1) : position;
            if (index < 0 || index >= expected || vectors[index] != null) {
                throw EmbeddingServiceFailure.unreadable("an answer with inconsistent embedding indexes");
            }
            vectors[index] = components(item.path("embedding"));
        }
        return vectors;
    }

    private static float[] components(JsonNode embedding) {
        // A string here means base64 encoding, which we never ask for.
        if (!embedding.isArray()) {
            throw EmbeddingServiceFailure.unreadable("an embedding that is not a list of numbers");
        }
        float[] vector = new float[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode component = embedding.get(i);
            if (!component.isNumber()) {
                throw EmbeddingServiceFailure.unreadable("an embedding that is not a list of numbers");
            }
            vector[i] = (float) component.doubleValue();
        }
        return vector;
    }
}
