package com.zava.retail.adapters.embeddings;

import com.zava.retail.adapters.embeddings.EmbeddingServiceFailure.Purpose;
import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.domain.UnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TextEmbedder} calling an OpenAI-compatible {@code POST {base-url}/embeddings} endpoint:
 * OpenAI, Azure OpenAI, or a self-hosted server speaking the same API. For deployments that prefer
 * a hosted model to the default in-process {@link OnnxTextEmbedder}.
 *
 * <p><b>A remote dependency must not hang or break the server.</b> So:
 * <ul>
 *   <li>every request has a deadline covering connect, headers <em>and</em> body (the JDK's request
 *       timeout stops at the headers, so the whole exchange is awaited with its own deadline and
 *       cancelled when that passes): {@code timeout} for a search phrase, {@code batchTimeout} for
 *       a batch while seeding;</li>
 *   <li>every request passes the circuit breaker given to the constructor: after repeated failures
 *       calls are refused at once, without a request, until the breaker lets a trial through;</li>
 *   <li>nothing is retried here: a timed-out request has already cost the caller its patience, and
 *       rejected credentials stay rejected; the breaker is the only repetition;</li>
 *   <li>answers are read only up to a bound proportional to what was asked for, and error bodies
 *       only up to a few KB (and never shown);</li>
 *   <li>redirects are not followed, so the key never travels to another host.</li>
 * </ul>
 * Every failure becomes an {@link UnavailableException} whose message says what happened and who
 * can fix it, without the URL, the key or the provider's own error text.
 *
 * <p><b>Vectors</b> are checked to have the configured number of components and normalised to
 * unit length, as the port promises (OpenAI's already are; other servers' may not be).
 *
 * <p>No Spring annotations: bootstrap creates it. Thread-safe; create one per application, since
 * it owns an {@link HttpClient} and its connection pool.
 */
public final class OpenAiTextEmbedder implements TextEmbedder {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiTextEmbedder.class);

    /**
     * JSON per component allowed in an answer. OpenAI prints one number per line, indented, about
     * 32 bytes each; 48 leaves room for other servers' formatting without allowing anything absurd.
     */
    private static final long BYTES_PER_COMPONENT = 48;

    /** Room for the envelope (usage, model name, object tags) around the vectors. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    /** Error bodies are never shown; reading a small one to its end lets the connection be reused. */
    private static final long ERROR_BODY_BYTES = 4 * 1024;

    private final OpenAiEmbeddingSettings settings;
    private final EmbeddingModel model;
    private final CircuitBreaker breaker;
    private final HttpClient http;
    private final URI endpoint;
    private final EmbeddingsJson json;

    /** The cause of the last recorded failure, named while the breaker refuses calls. */
    private volatile EmbeddingServiceFailure lastFailure;

    /**
     * @param settings where and how to call the service
     * @param breaker  guards every request; bootstrap passes the {@code embeddings} instance configured
     *                 under {@code resilience4j.circuitbreaker.instances}
     */
    public OpenAiTextEmbedder(OpenAiEmbeddingSettings settings, CircuitBreaker breaker) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.model = new EmbeddingModel(settings.model(), settings.dimensions());
        this.endpoint = endpoint(settings);
        this.json = new EmbeddingsJson(settings.model(), settings.dimensions());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public EmbeddingModel model() {
        return model;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code text} is null or blank
     * @throws UnavailableException     if the service is slow, failing, misconfigured, or the breaker is open
     */
    @Override
    public float[] embed(String text) {
        requireText(text, "text");
        return call(List.of(text), settings.timeout(), Purpose.SEARCH).get(0);
    }

    /**
     * Embeds in requests of {@code batchSize} texts, each with the batch deadline. Returns vectors
     * in the order of {@code texts}.
     *
     * @throws IllegalArgumentException if any text is null or blank (checked before any request)
     * @throws UnavailableException     as soon as one request fails; nothing is returned then
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            requireText(texts.get(i), "texts[" + i + "]");
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += settings.batchSize()) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + settings.batchSize()));
            vectors.addAll(call(batch, settings.batchTimeout(), Purpose.SEED));
        }
        return vectors;
    }

    /** Shows where it calls and which model, never the key. */
    @Override
    public String toString() {
        return "OpenAiTextEmbedder[" + settings + "]";
    }

    private List<float[]> call(List<String> inputs, Duration deadline, Purpose purpose) {
        if (!breaker.tryAcquirePermission()) {
            throw new UnavailableException(EmbeddingServiceFailure.refused(purpose, openWait(), lastFailure));
        }
        long start = System.nanoTime();
        try {
            List<float[]> vectors = exchange(inputs, deadline);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return vectors;
        } catch (EmbeddingServiceFailure failure) {
            long elapsed = System.nanoTime() - start;
            if (failure.countsAgainstService()) {
                lastFailure = failure;
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
            } else {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            LOG.warn("Embedding request to model {} failed after {} ms: {}", model.id(),
                    TimeUnit.NANOSECONDS.toMillis(elapsed), failure.summary());
            throw new UnavailableException(failure.message(purpose));
        } catch (InterruptedException e) {
            // Shutdown or a cancelled call says nothing about the service: give the permission back unrecorded.
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            throw new UnavailableException(purpose.sentence("the request to the embedding service was interrupted",
                    "Try again in a moment"));
        } catch (RuntimeException | Error e) {
            // A bug of ours; still settle the permission so a half-open breaker cannot wedge.
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    private List<float[]> exchange(List<String> inputs, Duration deadline) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.request(inputs)));
        if (settings.hasApiKey()) {
            if (settings.apiStyle() == OpenAiEmbeddingSettings.ApiStyle.AZURE) {
                request.header("api-key", settings.apiKey());
            } else {
                request.header("Authorization", "Bearer " + settings.apiKey());
            }
        }
        long limit = ENVELOPE_BYTES + inputs.size() * (long) settings.dimensions() * BYTES_PER_COMPONENT;
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request.build(),
                info -> isSuccess(info.statusCode())
                        ? BoundedBody.failingAbove(limit, info)
                        : BoundedBody.truncatedAt(ERROR_BODY_BYTES));
        HttpResponse<byte[]> response = await(pending, deadline);
        if (!isSuccess(response.statusCode())) {
            throw EmbeddingServiceFailure.status(response.statusCode());
        }
        float[][] raw = json.vectors(response.body(), inputs.size());
        List<float[]> vectors = new ArrayList<>(raw.length);
        for (float[] vector : raw) {
            if (vector.length != settings.dimensions()) {
                throw EmbeddingServiceFailure.wrongDimensions(vector.length, settings.dimensions());
            }
            vectors.add(unitLength(vector));
        }
        return vectors;
    }

    /** Waits for status, headers and the whole body together, at most {@code deadline}. */
    private static HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> pending, Duration deadline)
            throws InterruptedException {
        try {
            return pending.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Since JDK 16 cancelling the future aborts the exchange and closes its connection.
            pending.cancel(true);
            throw EmbeddingServiceFailure.timeout(deadline);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw classify(e.getCause(), deadline);
        }
    }

    private static EmbeddingServiceFailure classify(Throwable failure, Duration deadline) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EmbeddingServiceFailure known) {
                return known;
            }
            if (t instanceof HttpTimeoutException) {
                return EmbeddingServiceFailure.timeout(deadline);
            }
            if (t instanceof BoundedBody.TooLarge) {
                return EmbeddingServiceFailure.unreadable("an answer larger than the vectors asked for");
            }
        }
        // Refused or reset connections, TLS and DNS failures: the service is not reachable from here.
        if (failure instanceof IOException || failure != null && failure.getCause() instanceof IOException) {
            return EmbeddingServiceFailure.unreachable();
        }
        return EmbeddingServiceFailure.unreadable("an answer that could not be read");
    }

    private Duration openWait() {
        Long millis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        return Duration.ofMillis(millis == null ? 0 : Math.max(millis, 1));
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static URI endpoint(OpenAiEmbeddingSettings settings) {
        String url = settings.baseUrl() + "/embeddings";
        if (settings.apiStyle() == OpenAiEmbeddingSettings.ApiStyle.AZURE && !settings.apiVersion().isEmpty()) {
            url += "?api-version=" + URLEncoder.encode(settings.apiVersion(), StandardCharsets.UTF_8);
        }
        return URI.create(url);
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
        double sumOfSquares = 0;
        for (float component : vector) {
            sumOfSquares += (double) component * component;
        }
        double norm = Math.sqrt(sumOfSquares);
        // A zero or non-finite vector has no direction; storing it would poison cosine search.
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw EmbeddingServiceFailure.unreadable("a vector without direction");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
