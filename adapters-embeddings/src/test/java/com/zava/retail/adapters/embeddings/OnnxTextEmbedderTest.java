package com.zava.retail.adapters.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.zava.retail.application.port.out.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxTextEmbedderTest {

    private static final String QUERY = "waterproof electrical box for outdoor use";
    private static final String RELATED = "Weatherproof single-gang outlet box for exterior walls";
    private static final String UNRELATED = "Natural bristle paint brush for oil-based stains";

    // Loading the ONNX model takes seconds; share one instance across the class.
    private static OnnxTextEmbedder embedder;

    /** Temporary model copies that existed before this class loaded the model, and after. */
    private static Set<Path> copiesBefore;
    private static Set<Path> copiesAfter;

    @BeforeAll
    static void loadModel() throws IOException {
        copiesBefore = temporaryModelCopies();
        embedder = new OnnxTextEmbedder();
        copiesAfter = temporaryModelCopies();
    }

    private static Set<Path> temporaryModelCopies() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("zava-embedding-model"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void theTemporaryCopyOfTheModelIsGoneOnceItIsLoaded() {
        assertThat(copiesAfter).isSubsetOf(copiesBefore);
    }

    /**
     * The memory saving of {@link OnnxExternalData} holds only while ONNX Runtime maps the table
     * file rather than reading it: the mapping of the (by now deleted) file is in the process's
     * memory map. Linux only, as /proc is.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theWordEmbeddingTableIsMappedFromAFileOfItsOwn() throws IOException {
        assertThat(Files.readAllLines(Path.of("/proc/self/maps")))
                .anyMatch(mapping -> mapping.contains("all-minilm-l6-v2-word-embeddings.bin"));
    }

    /**
     * Vectors stored by earlier releases came from langchain4j's own loader of the model; ours must
     * give the same ones, to float rounding (the sessions' options differ, and with them, for some
     * texts, the last bit of a component).
     */
    @Test
    void givesTheVectorsOfLangchain4jsOwnLoaderOfTheModel() {
        AllMiniLmL6V2EmbeddingModel stock = new AllMiniLmL6V2EmbeddingModel();
        for (String text : List.of(QUERY, RELATED, UNRELATED, "Zava's 18V cordless drill, two batteries")) {
            assertThat(embedder.embed(text))
                    .as("vector of %s", text)
                    .containsExactly(stock.embed(text).content().vector(), within(1e-6f));
        }
    }

    @Test
    void reportsTheModelStoredNextToTheVectors() {
        assertThat(embedder.model()).isEqualTo(new EmbeddingModel("all-minilm-l6-v2", 384));
    }

    @Test
    void vectorHasModelDimensionsAndUnitLength() {
        float[] vector = embedder.embed(QUERY);

        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void sameTextGivesIdenticalVectors() {
        assertThat(embedder.embed(RELATED)).containsExactly(embedder.embed(RELATED));
    }

    @Test
    void relatedProductIsCloserThanUnrelatedProduct() {
        float[] query = embedder.embed(QUERY);

        double related = cosine(query, embedder.embed(RELATED));
        double unrelated = cosine(query, embedder.embed(UNRELATED));

        assertThat(related).isGreaterThan(unrelated);
    }

    @Test
    void batchGivesTheSameVectorsAsOneByOne() {
        List<String> texts = List.of(QUERY, RELATED, UNRELATED, "cordless drill 18V", "PVC conduit 20mm");

        List<float[]> batch = embedder.embedAll(texts);

        assertThat(batch).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.get(i))
                    .as("vector of %s", texts.get(i))
                    .containsExactly(embedder.embed(texts.get(i)), within(1e-5f));
        }
    }

    @Test
    void emptyBatchGivesNoVectors() {
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void rejectsNullOrBlankText(String text) {
        assertThatThrownBy(() -> embedder.embed(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text to embed must not be");
    }

    @Test
    void batchRejectsBlankTextNamingItsPosition() {
        List<String> texts = new ArrayList<>(Arrays.asList(QUERY, " ", RELATED));

        assertThatThrownBy(() -> embedder.embedAll(texts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("texts[1] to embed must not be blank");
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float component : vector) {
            sum += (double) component * component;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }
}
