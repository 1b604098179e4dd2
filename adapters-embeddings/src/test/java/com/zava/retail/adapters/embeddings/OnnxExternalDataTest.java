package com.zava.retail.adapters.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rewrite of the bundled model's files. That ONNX Runtime loads the result and gives the same
 * vectors is {@link OnnxTextEmbedderTest}'s part, through the embedder the server uses.
 */
class OnnxExternalDataTest {

    private static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
    private static final long TABLE_BYTES = 30_522L * 384 * Float.BYTES;

    @TempDir
    static Path shared;

    private static Path model;

    @TempDir
    Path directory;

    @BeforeAll
    static void copyTheBundledModel() throws IOException {
        model = shared.resolve("model.onnx");
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            Files.copy(in, model);
        }
    }

    @Test
    void theTableFileHoldsTheTensorsBytesAndTheModelTheRest() throws IOException {
        Path rewritten = directory.resolve("lean.onnx");
        Path table = directory.resolve("table.bin");

        assertThat(OnnxExternalData.moveOut(model, WORD_EMBEDDINGS, rewritten, table)).isTrue();

        assertThat(Files.size(table)).isEqualTo(TABLE_BYTES);
        byte[] original = Files.readAllBytes(model);
        byte[] tableBytes = Files.readAllBytes(table);
        int at = indexOf(original, Arrays.copyOf(tableBytes, 256));
        assertThat(at).as("where the table's first bytes are in the original model").isPositive();
        assertThat(Arrays.equals(original, at, at + tableBytes.length, tableBytes, 0, tableBytes.length)).isTrue();
        // The rewritten model is the original without the table, plus a few bytes naming the file.
        assertThat(Files.size(rewritten)).isBetween(original.length - TABLE_BYTES, original.length - TABLE_BYTES + 200);
        assertThat(new String(Files.readAllBytes(rewritten), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("table.bin");
    }

    @Test
    void aTensorThatIsNotInTheModelLeavesEverythingAsItWas() throws IOException {
        Path rewritten = directory.resolve("lean.onnx");
        Path table = directory.resolve("table.bin");

        assertThat(OnnxExternalData.moveOut(model, "no.such.tensor", rewritten, table)).isFalse();

        assertThat(rewritten).doesNotExist();
        assertThat(table).doesNotExist();
    }

    @Test
    void aTruncatedModelIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path truncated = directory.resolve("truncated.onnx");
        try (InputStream in = Files.newInputStream(model)) {
            Files.write(truncated, in.readNBytes(100_000));
        }
        Path rewritten = directory.resolve("lean.onnx");
        Path table = directory.resolve("table.bin");

        assertThatThrownBy(() -> OnnxExternalData.moveOut(truncated, WORD_EMBEDDINGS, rewritten, table))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an ONNX model");
        assertThat(rewritten).doesNotExist();
        assertThat(table).doesNotExist();
    }

    @Test
    void aFileThatIsNotProtobufIsRefused() throws IOException {
        Path text = directory.resolve("notes.onnx");
        Files.writeString(text, "this is not a model\n".repeat(50));

        assertThatThrownBy(() -> OnnxExternalData.moveOut(text, WORD_EMBEDDINGS, directory.resolve("lean.onnx"),
                directory.resolve("table.bin")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an ONNX model");
    }

    /**
     * A varint can say -11, which pointed a field's end back at its own tag: the reader went round
     * in circles. Hostile lengths are refused instead, at the top level and inside the graph.
     */
    @Test
    void aNegativeFieldLengthIsRefusedRatherThanReadInCircles() throws IOException {
        byte[] minusEleven = {(byte) 0xF5, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
        byte[] topLevel = concat(new byte[] {0x0A}, minusEleven, new byte[] {1, 2, 3});
        byte[] inGraph = concat(new byte[] {0x3A, 11, 0x2A}, minusEleven);
        for (byte[] hostile : java.util.List.of(topLevel, inGraph)) {
            Path file = Files.write(directory.resolve("hostile-" + hostile.length + "-" + hostile[0] + ".onnx"), hostile);

            assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> assertThatThrownBy(
                    () -> OnnxExternalData.moveOut(file, WORD_EMBEDDINGS, directory.resolve("lean.onnx"),
                            directory.resolve("table.bin")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("does not fit in the file"));
        }
    }

    @Test
    void theTableMustSitNextToTheModelThatNamesIt() {
        assertThatThrownBy(() -> OnnxExternalData.moveOut(model, WORD_EMBEDDINGS, directory.resolve("lean.onnx"),
                directory.resolve("elsewhere").resolve("table.bin")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
