package com.zava.retail.adapters.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zava.retail.adapters.embeddings.OpenAiEmbeddingSettings.ApiStyle;
import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.domain.UnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible embedder against a real HTTP server on the loopback interface that plays
 * the provider: healthy, slow, failing, misconfigured or unauthorised. Nothing of ours is faked;
 * the circuit breaker is a real Resilience4j breaker with a small window so tests stay short.
 */
class OpenAiTextEmbedderIT {

    private static final String API_KEY = "sk-test-7f3a9c1e5b2d4f60";
    private static final int DIMENSIONS = 16;
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Scheduling, connection set-up and JIT on a busy build machine; a hang would take seconds. */
    private static final long TIMEOUT_MARGIN_MS = 400;
    private static final Duration OPEN_WAIT = Duration.ofSeconds(1);
    private static final int WINDOW = 4;

    private FakeProvider provider;
    private CircuitBreaker breaker;

    @BeforeEach
    void startProvider() throws IOException {
        provider = new FakeProvider();
        breaker = CircuitBreaker.of("embeddings-test", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(WINDOW)
                .minimumNumberOfCalls(WINDOW)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_WAIT)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    // --- healthy ---------------------------------------------------------------------------

    @Test
    void healthyServiceGivesUnitVectorsOfTheConfiguredModel() throws Exception {
        OpenAiTextEmbedder embedder = embedder(settings());

        float[] vector = embedder.embed("cordless drill");

        assertThat(embedder.model()).isEqualTo(new EmbeddingModel("text-embedding-3-small", DIMENSIONS));
        assertThat(vector).hasSize(DIMENSIONS);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-6));
        float[] raw = FakeProvider.rawVector("cordless drill", DIMENSIONS);
        double rawNorm = norm(raw);
        for (int i = 0; i < DIMENSIONS; i++) {
            assertThat((double) vector[i]).isCloseTo(raw[i] / rawNorm, within(1e-6));
        }
        assertThat(norm(raw)).as("the provider's raw vector is not unit length, so normalising is observable")
                .isGreaterThan(1.5);
        JsonNode request = new ObjectMapper().readTree(provider.lastBody);
        assertThat(request.path("input").asText()).isEqualTo("cordless drill");
        assertThat(request.path("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(request.path("dimensions").asInt()).isEqualTo(DIMENSIONS);
        assertThat(provider.lastMethod).isEqualTo("POST");
        assertThat(provider.lastPath).isEqualTo("/v1/embeddings");
    }

    @Test
    void sendsTheKeyAsABearerTokenToOpenAi() {
        embedder(settings()).embed("hammer");

        assertThat(provider.lastAuthorization).isEqualTo("Bearer " + API_KEY);
        assertThat(provider.lastApiKeyHeader).isNull();
        assertThat(provider.lastQuery).isNull();
    }

    @Test
    void sendsTheKeyAsApiKeyHeaderWithTheApiVersionToAzure() {
        embedder(settings().withApiStyle(ApiStyle.AZURE, "2024-10-21")).embed("hammer");

        assertThat(provider.lastApiKeyHeader).isEqualTo(API_KEY);
        assertThat(provider.lastAuthorization).isNull();
        assertThat(provider.lastQuery).isEqualTo("api-version=2024-10-21");
        assertThat(provider.lastPath).isEqualTo("/v1/embeddings");
    }

    @Test
    void sendsNoCredentialsWhenNoKeyIsConfigured() {
        embedder(settings().withApiKey("")).embed("hammer");

        assertThat(provider.lastAuthorization).isNull();
        assertThat(provider.lastApiKeyHeader).isNull();
    }

    @Test
    void apiStyleIsDetectedFromTheHostUnlessSetExplicitly() {
        URI azure = URI.create("https://zava.openai.azure.com/openai/deployments/embeddings");
        URI openAi = URI.create("https://api.openai.com/v1");

        assertThat(ApiStyle.of(null, azure)).isEqualTo(ApiStyle.AZURE);
        assertThat(ApiStyle.of(null, openAi)).isEqualTo(ApiStyle.OPENAI);
        assertThat(ApiStyle.of(false, azure)).isEqualTo(ApiStyle.OPENAI);
        assertThat(ApiStyle.of(true, openAi)).isEqualTo(ApiStyle.AZURE);
    }

    @Test
    void embedAllSendsBatchesAndKeepsTheOrderOfTheTexts() {
        List<String> texts = List.of("saw", "drill", "sander", "router", "planer", "lathe", "chisel");
        OpenAiTextEmbedder embedder = embedder(settings().withBatchSize(3));

        List<float[]> vectors = embedder.embedAll(texts);

        assertThat(provider.requests.get()).as("7 texts in batches of 3").isEqualTo(3);
        assertThat(vectors).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            // The provider answers each batch in reverse order with index tags; order must follow the texts.
            assertThat(vectors.get(i)).containsExactly(embedder.embed(texts.get(i)));
        }
    }

    // --- slow --------------------------------------------------------------------------------

    @Test
    void slowServiceFailsWithinTheTimeout() {
        provider.behaviour = Behaviour.SLOW;
        OpenAiTextEmbedder embedder = embedder(settings());

        long start = System.nanoTime();
        UnavailableException failure = catchThrowableOfType(UnavailableException.class, () -> embedder.embed("hammer"));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        System.out.printf("slow provider (sleeps %d ms): failed after %d ms with a timeout of %d ms%n",
                FakeProvider.SLEEP_MS, elapsedMs, TIMEOUT.toMillis());
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).isEqualTo("Product search is unavailable: the embedding service did not "
                + "answer within 500 ms. Try again in a moment; the other tools still work.");
        assertThat(elapsedMs).isBetween(TIMEOUT.toMillis() - 20, TIMEOUT.toMillis() + TIMEOUT_MARGIN_MS);
        assertThat(provider.requests.get()).as("no retry after a timeout").isEqualTo(1);
        assertNoSecrets(failure.getMessage());
    }

    @Test
    void bodyThatStallsAfterTheHeadersFailsWithinTheTimeout() {
        provider.behaviour = Behaviour.STALLING_BODY;
        OpenAiTextEmbedder embedder = embedder(settings());

        long start = System.nanoTime();
        UnavailableException failure = catchThrowableOfType(UnavailableException.class, () -> embedder.embed("hammer"));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        System.out.printf("provider stalling mid-body: failed after %d ms with a timeout of %d ms%n",
                elapsedMs, TIMEOUT.toMillis());
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("did not answer within 500 ms");
        assertThat(elapsedMs).isBetween(TIMEOUT.toMillis() - 20, TIMEOUT.toMillis() + TIMEOUT_MARGIN_MS);
    }

    // --- failing -----------------------------------------------------------------------------

    @Test
    void failingServiceIsReportedWithItsStatusAndNotRetried() {
        provider.behaviour = Behaviour.FAILING;

        assertThatThrownBy(() -> embedder(settings()).embed("hammer"))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("Product search is unavailable: the embedding service is failing (HTTP 500). "
                        + "Try again in a moment; the other tools still work.")
                .satisfies(e -> assertNoSecrets(e.getMessage()));
        assertThat(provider.requests.get()).isEqualTo(1);
    }

    @Test
    void unreachableServiceFailsFast() throws IOException {
        provider.stop();
        OpenAiTextEmbedder embedder = embedder(settings());

        long start = System.nanoTime();
        assertThatThrownBy(() -> embedder.embed("hammer"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("the embedding service could not be reached")
                .satisfies(e -> assertNoSecrets(e.getMessage()));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("closed port: failed after %d ms%n", elapsedMs);
        assertThat(elapsedMs).isLessThan(TIMEOUT.toMillis() + TIMEOUT_MARGIN_MS);
    }

    @Test
    void unauthorisedIsNotRetriedAndBlamesTheServersCredentials() {
        provider.behaviour = Behaviour.UNAUTHORISED;

        assertThatThrownBy(() -> embedder(settings()).embed("hammer"))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("Product search is unavailable: the embedding service rejected this server's credentials "
                        + "(HTTP 401). Retrying will not help: the server's operator must fix the server's embedding "
                        + "API key; the other tools still work.")
                .satisfies(e -> assertNoSecrets(e.getMessage()));
        assertThat(provider.requests.get()).isEqualTo(1);
    }

    @Test
    void vectorsOfAnotherSizeAreAConfigurationError() {
        provider.behaviour = Behaviour.WRONG_DIMENSION;

        assertThatThrownBy(() -> embedder(settings()).embed("hammer"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("returned vectors of 17 dimensions instead of the configured 16")
                .hasMessageContaining("operator must fix the embedding model and dimensions settings");
    }

    @Test
    void answerLargerThanTheVectorsAskedForIsCutOff() {
        provider.behaviour = Behaviour.HUGE;

        long start = System.nanoTime();
        assertThatThrownBy(() -> embedder(settings()).embed("hammer"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("sent an answer larger than the vectors asked for");
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        System.out.printf("oversized answer: failed after %d ms; the provider managed to write %d of %d bytes%n",
                elapsedMs, provider.bytesWritten.get(), FakeProvider.HUGE_BYTES);
        assertThat(provider.bytesWritten.get()).as("reading stopped long before the end")
                .isLessThan(FakeProvider.HUGE_BYTES / 2);
    }

    @Test
    void rejectedInputDoesNotCountAgainstTheService() {
        provider.behaviour = Behaviour.BAD_REQUEST;
        OpenAiTextEmbedder embedder = embedder(settings());

        for (int i = 0; i < WINDOW * 2; i++) {
            assertThatThrownBy(() -> embedder.embed("hammer"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("refused the text (HTTP 400)");
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(provider.requests.get()).isEqualTo(WINDOW * 2);
    }

    // --- circuit breaker ---------------------------------------------------------------------

    @Test
    void breakerOpensAfterRepeatedFailuresAndThenRefusesWithoutCalling() {
        provider.behaviour = Behaviour.FAILING;
        OpenAiTextEmbedder embedder = embedder(settings());
        failUntilOpen(embedder);
        int requestsWhenOpened = provider.requests.get();

        int refusals = 1000;
        long[] nanos = new long[refusals];
        String message = null;
        for (int i = 0; i < refusals; i++) {
            long before = System.nanoTime();
            try {
                embedder.embed("hammer");
            } catch (UnavailableException e) {
                message = e.getMessage();
            }
            nanos[i] = System.nanoTime() - before;
        }
        long first = nanos[0];
        Arrays.sort(nanos);
        // The median, not the mean: one GC pause on a busy build machine says nothing about the breaker.
        double medianUs = nanos[refusals / 2] / 1000.0;

        System.out.printf("open breaker: %d refusals, first %.1f us, median %.1f us, p99 %.1f us, max %.1f us; "
                + "provider requests %d -> %d%n", refusals, first / 1000.0, medianUs, nanos[refusals * 99 / 100] / 1000.0,
                nanos[refusals - 1] / 1000.0, requestsWhenOpened, provider.requests.get());
        assertThat(provider.requests.get()).as("no request while open").isEqualTo(requestsWhenOpened);
        assertThat(message).isEqualTo("Product search is unavailable: the embedding service failed repeatedly "
                + "(last: HTTP 500), so searches are refused for 1 s without trying. Try again in 1 s; "
                + "the other tools still work.");
        assertThat(medianUs).as("median refusal in microseconds").isLessThan(200);
        assertNoSecrets(message);
    }

    @Test
    void breakerLetsATrialThroughAfterItsWaitAndRecoversWhenTheServiceIsBack() throws InterruptedException {
        provider.behaviour = Behaviour.FAILING;
        OpenAiTextEmbedder embedder = embedder(settings());
        failUntilOpen(embedder);
        int requestsWhenOpened = provider.requests.get();

        provider.behaviour = Behaviour.HEALTHY;
        assertThatThrownBy(() -> embedder.embed("hammer")).hasMessageContaining("refused");
        Thread.sleep(OPEN_WAIT.toMillis() + 100);

        long start = System.nanoTime();
        float[] trial = embedder.embed("hammer");
        System.out.printf("recovery: half-open trial answered in %.1f ms after an open wait of %d ms%n",
                (System.nanoTime() - start) / 1e6, OPEN_WAIT.toMillis());

        assertThat(trial).hasSize(DIMENSIONS);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(provider.requests.get()).as("exactly one trial request").isEqualTo(requestsWhenOpened + 1);
        for (int i = 0; i < WINDOW * 2; i++) {
            assertThat(embedder.embed("saw " + i)).hasSize(DIMENSIONS);
        }
        assertThat(provider.requests.get()).isEqualTo(requestsWhenOpened + 1 + WINDOW * 2);
    }

    @Test
    void failedTrialOpensTheBreakerAgain() throws InterruptedException {
        provider.behaviour = Behaviour.SLOW;
        OpenAiTextEmbedder embedder = embedder(settings());
        failUntilOpen(embedder);
        Thread.sleep(OPEN_WAIT.toMillis() + 100);

        assertThatThrownBy(() -> embedder.embed("hammer")).hasMessageContaining("did not answer within 500 ms");

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> embedder.embed("hammer"))
                .hasMessageContaining("(last: no answer within 500 ms), so searches are refused for 1 s");
    }

    @Test
    void openBreakerAfterRejectedCredentialsStillTellsTheOperatorToFixThem() {
        provider.behaviour = Behaviour.UNAUTHORISED;
        OpenAiTextEmbedder embedder = embedder(settings());
        failUntilOpen(embedder);

        assertThatThrownBy(() -> embedder.embed("hammer"))
                .hasMessageContaining("(last: credentials rejected, HTTP 401)")
                .hasMessageContaining("Retrying will not help: the server's operator must fix the server's embedding API key")
                .satisfies(e -> assertNoSecrets(e.getMessage()));
    }

    @Test
    void seedingFailureSaysWhatFailed() {
        provider.behaviour = Behaviour.FAILING;

        assertThatThrownBy(() -> embedder(settings()).embedAll(List.of("saw", "drill")))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("Embedding the product descriptions failed: the embedding service is failing (HTTP 500). "
                        + "Try again in a moment.");
    }

    // --- secrets and settings ----------------------------------------------------------------

    @Test
    void keyNeverAppearsInToString() {
        OpenAiEmbeddingSettings settings = settings();
        OpenAiTextEmbedder embedder = embedder(settings);

        assertThat(settings.toString()).doesNotContain(API_KEY).contains("apiKey=****");
        assertThat(embedder.toString()).doesNotContain(API_KEY).contains("text-embedding-3-small");
        assertThat(settings.withApiKey(" ").toString()).contains("apiKey=(none)");
    }

    @Test
    void settingsRejectCredentialsOrQueriesInTheUrl() {
        assertThatThrownBy(() -> OpenAiEmbeddingSettings.of(URI.create("https://user:secret@example.test/v1"), API_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> OpenAiEmbeddingSettings.of(URI.create("https://example.test/v1?api-version=1"), API_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenAiEmbeddingSettings.of(URI.create("ftp://example.test/v1"), API_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OpenAiEmbeddingSettings.of(URI.create("https://example.test/v1/"), API_KEY).baseUrl())
                .isEqualTo(URI.create("https://example.test/v1"));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        OpenAiEmbeddingSettings defaults = OpenAiEmbeddingSettings.of(URI.create("https://example.test/v1"), API_KEY);

        assertThat(defaults.model()).isEqualTo("text-embedding-3-small");
        assertThat(defaults.dimensions()).isEqualTo(1536);
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.apiStyle()).isEqualTo(ApiStyle.OPENAI);
        assertThat(EmbeddingServiceFailure.timeout(defaults.timeout()).message(EmbeddingServiceFailure.Purpose.SEARCH))
                .isEqualTo("Product search is unavailable: the embedding service did not answer within 2 s. "
                        + "Try again in a moment; the other tools still work.");
    }

    // --- helpers -----------------------------------------------------------------------------

    private OpenAiEmbeddingSettings settings() {
        return OpenAiEmbeddingSettings.of(provider.baseUrl(), API_KEY)
                .withModel("text-embedding-3-small", DIMENSIONS)
                .withTimeouts(TIMEOUT, TIMEOUT)
                .withApiStyle(ApiStyle.OPENAI, "");
    }

    private OpenAiTextEmbedder embedder(OpenAiEmbeddingSettings settings) {
        return new OpenAiTextEmbedder(settings, breaker);
    }

    /** Calls until the breaker opens: exactly one window of failures, each one reaching the provider. */
    private void failUntilOpen(OpenAiTextEmbedder embedder) {
        for (int i = 0; i < WINDOW; i++) {
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThatThrownBy(() -> embedder.embed("hammer")).isInstanceOf(UnavailableException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(provider.requests.get()).isEqualTo(WINDOW);
    }

    private void assertNoSecrets(String message) {
        assertThat(message)
                .doesNotContain(API_KEY)
                .doesNotContain(API_KEY.substring(0, 8))
                .doesNotContain("127.0.0.1")
                .doesNotContain(String.valueOf(provider.port))
                .doesNotContain("http:")
                .doesNotContain("/embeddings");
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    enum Behaviour { HEALTHY, SLOW, STALLING_BODY, FAILING, UNAUTHORISED, WRONG_DIMENSION, HUGE, BAD_REQUEST }

    /** An OpenAI-compatible embeddings endpoint on the loopback interface whose behaviour a test switches. */
    static final class FakeProvider {

        static final long SLEEP_MS = 5_000;
        static final long HUGE_BYTES = 64L * 1024 * 1024;

        private final ObjectMapper mapper = new ObjectMapper();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        final int port;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicLong bytesWritten = new AtomicLong();
        volatile Behaviour behaviour = Behaviour.HEALTHY;
        volatile String lastMethod;
        volatile String lastPath;
        volatile String lastQuery;
        volatile String lastAuthorization;
        volatile String lastApiKeyHeader;
        volatile byte[] lastBody;

        FakeProvider() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.createContext("/v1/embeddings", this::handle);
            server.setExecutor(threads);
            server.start();
            port = server.getAddress().getPort();
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + port + "/v1");
        }

        void stop() {
            server.stop(0);
            threads.shutdownNow();
        }

        /** Deterministic, never unit length, differs per text. */
        static float[] rawVector(String text, int dimensions) {
            float[] vector = new float[dimensions];
            int seed = text.hashCode();
            for (int i = 0; i < dimensions; i++) {
                vector[i] = 1 + Math.floorMod(seed * 31 + i * 17, 7);
            }
            return vector;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                requests.incrementAndGet();
                lastMethod = exchange.getRequestMethod();
                lastPath = exchange.getRequestURI().getPath();
                lastQuery = exchange.getRequestURI().getRawQuery();
                lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
                lastApiKeyHeader = exchange.getRequestHeaders().getFirst("api-key");
                lastBody = exchange.getRequestBody().readAllBytes();
                switch (behaviour) {
                    case HEALTHY -> respond(exchange, 200, vectors(lastBody, DIMENSIONS));
                    case WRONG_DIMENSION -> respond(exchange, 200, vectors(lastBody, DIMENSIONS + 1));
                    case SLOW -> {
                        sleep(SLEEP_MS);
                        respond(exchange, 200, vectors(lastBody, DIMENSIONS));
                    }
                    case STALLING_BODY -> {
                        exchange.sendResponseHeaders(200, 0);
                        OutputStream out = exchange.getResponseBody();
                        out.write("{\"object\":\"list\",\"data\":[".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        sleep(SLEEP_MS);
                    }
                    case FAILING -> respond(exchange, 500, "{\"error\":{\"message\":\"The server had an error\"}}");
                    case BAD_REQUEST -> respond(exchange, 400, "{\"error\":{\"message\":\"input too long\"}}");
                    // Like real providers, echo part of the rejected key: it must not reach our messages.
                    case UNAUTHORISED -> respond(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                            + API_KEY.substring(0, 8) + "****\"}}");
                    case HUGE -> streamHugeAnswer(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client hung up (timeout or size limit): expected in those tests.
            }
        }

        private String vectors(byte[] requestBody, int dimensions) throws IOException {
            JsonNode input = mapper.readTree(requestBody).path("input");
            List<String> texts = new ArrayList<>();
            if (input.isArray()) {
                input.forEach(node -> texts.add(node.asText()));
            } else {
                texts.add(input.asText());
            }
            ObjectNode root = mapper.createObjectNode().put("object", "list");
            ArrayNode data = root.putArray("data");
            // Reverse order, tagged with index: the client must place vectors by index.
            for (int i = texts.size() - 1; i >= 0; i--) {
                ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
                ArrayNode embedding = item.putArray("embedding");
                for (float component : rawVector(texts.get(i), dimensions)) {
                    embedding.add(component);
                }
            }
            root.put("model", "text-embedding-3-small");
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        }

        private void respond(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }

        /** Valid JSON padded with whitespace to 64 MB, sent chunked so no length announces it. */
        private void streamHugeAnswer(HttpExchange exchange) throws IOException {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] spaces = new byte[64 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            out.write('{');
            bytesWritten.incrementAndGet();
            while (bytesWritten.get() < HUGE_BYTES) {
                out.write(spaces);
                bytesWritten.addAndGet(spaces.length);
            }
            out.write('}');
        }

        private static void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }
}
