package com.zava.retail.adapters.embeddings;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how {@link OpenAiTextEmbedder} reaches an OpenAI-compatible embeddings endpoint.
 *
 * <p>{@link #toString()} masks the API key, so the settings may be logged; nothing else in them is
 * secret.
 *
 * @param baseUrl      the API root that {@code /embeddings} is appended to, e.g. {@code https://api.openai.com/v1}
 *                     or an Azure OpenAI deployment {@code https://<resource>.openai.azure.com/openai/deployments/<name>};
 *                     http(s), no user info, no query (the Azure API version has its own setting)
 * @param apiKey       the key sent with every request; empty for servers that need none
 * @param model        model id sent in the request and stored next to the vectors
 * @param dimensions   length of every vector; sent as {@code dimensions} and checked on every answer
 * @param timeout      connect timeout, and the deadline of one search phrase's whole request and answer
 * @param batchTimeout deadline of one batch request while seeding (many texts take longer than one)
 * @param batchSize    texts per request in {@link OpenAiTextEmbedder#embedAll}
 * @param apiStyle     how the key and API version are sent
 * @param apiVersion   Azure's {@code api-version} query parameter; blank omits it (Azure's {@code /openai/v1} API)
 */
public record OpenAiEmbeddingSettings(
        URI baseUrl,
        String apiKey,
        String model,
        int dimensions,
        Duration timeout,
        Duration batchTimeout,
        int batchSize,
        ApiStyle apiStyle,
        String apiVersion) {

    /** OpenAI's small third-generation model; its native size is {@value #DEFAULT_DIMENSIONS}. */
    public static final String DEFAULT_MODEL = "text-embedding-3-small";

    public static final int DEFAULT_DIMENSIONS = 1536;

    /** A search waits at most this long for its phrase's vector: long enough for a healthy provider, short for a user. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public static final Duration DEFAULT_BATCH_TIMEOUT = Duration.ofSeconds(30);

    /**
     * 64 texts per request keeps one answer at 1536 dimensions to about 3 MB of JSON (the provider
     * prints one number per line), well inside the response bound, and far below the provider's
     * 2048-input limit.
     */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /** A generally available Azure OpenAI data-plane version that accepts {@code dimensions}. */
    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";

    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    /** How the request is authenticated and versioned. */
    public enum ApiStyle {
        /** {@code Authorization: Bearer <key>}: OpenAI and most compatible servers. */
        OPENAI,
        /** {@code api-key: <key>} header and {@code api-version} query parameter: Azure OpenAI. */
        AZURE;

        /**
         * The explicit choice, or else a guess from the host: Azure OpenAI resources live under
         * {@code azure.com} ({@code *.openai.azure.com}, {@code *.cognitiveservices.azure.com}).
         *
         * @param azure   explicit setting, or null to detect
         * @param baseUrl the configured base URL
         */
        public static ApiStyle of(Boolean azure, URI baseUrl) {
            if (azure != null) {
                return azure ? AZURE : OPENAI;
            }
            String host = baseUrl == null || baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
            return host.endsWith(".azure.com") ? AZURE : OPENAI;
        }
    }

    public OpenAiEmbeddingSettings {
        Objects.requireNonNull(baseUrl, "embedding base URL");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("embedding base URL must be an absolute http(s) URL with a host");
        }
        // Credentials in the URL would end up in logs and error messages; the key has its own setting.
        if (baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("embedding base URL must not contain user info; set the API key instead");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("embedding base URL must not have a query or fragment; "
                    + "the Azure api-version has its own setting");
        }
        baseUrl = withoutTrailingSlash(baseUrl);
        apiKey = apiKey == null ? "" : apiKey.strip();
        if (apiKey.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            // A pasted key with a line break would otherwise fail deep inside the HTTP client.
            throw new IllegalArgumentException("embedding API key contains control characters");
        }
        Objects.requireNonNull(model, "embedding model");
        model = model.strip();
        if (model.isEmpty()) {
            throw new IllegalArgumentException("embedding model must not be blank");
        }
        if (dimensions < 1 || dimensions > 16_000) {
            throw new IllegalArgumentException("embedding dimensions must be between 1 and 16000, was " + dimensions);
        }
        requireTimeout(timeout, "embedding timeout");
        requireTimeout(batchTimeout, "embedding batch timeout");
        if (batchSize < 1 || batchSize > 2048) {
            throw new IllegalArgumentException("embedding batch size must be between 1 and 2048, was " + batchSize);
        }
        Objects.requireNonNull(apiStyle, "embedding API style");
        apiVersion = apiVersion == null ? "" : apiVersion.strip();
    }

    /**
     * Settings with every default: {@value #DEFAULT_MODEL}, {@value #DEFAULT_DIMENSIONS} dimensions,
     * a 2 s timeout, and the API style detected from the URL.
     */
    public static OpenAiEmbeddingSettings of(URI baseUrl, String apiKey) {
        return new OpenAiEmbeddingSettings(baseUrl, apiKey, DEFAULT_MODEL, DEFAULT_DIMENSIONS, DEFAULT_TIMEOUT,
                DEFAULT_BATCH_TIMEOUT, DEFAULT_BATCH_SIZE, ApiStyle.of(null, baseUrl), DEFAULT_AZURE_API_VERSION);
    }

    /** The same settings with another API key. */
    public OpenAiEmbeddingSettings withApiKey(String key) {
        return new OpenAiEmbeddingSettings(baseUrl, key, model, dimensions, timeout, batchTimeout, batchSize,
                apiStyle, apiVersion);
    }

    /** The same settings with another model and vector length. */
    public OpenAiEmbeddingSettings withModel(String id, int length) {
        return new OpenAiEmbeddingSettings(baseUrl, apiKey, id, length, timeout, batchTimeout, batchSize,
                apiStyle, apiVersion);
    }

    /** The same settings with other deadlines. */
    public OpenAiEmbeddingSettings withTimeouts(Duration single, Duration batch) {
        return new OpenAiEmbeddingSettings(baseUrl, apiKey, model, dimensions, single, batch, batchSize,
                apiStyle, apiVersion);
    }

    /** The same settings with another batch size. */
    public OpenAiEmbeddingSettings withBatchSize(int size) {
        return new OpenAiEmbeddingSettings(baseUrl, apiKey, model, dimensions, timeout, batchTimeout, size,
                apiStyle, apiVersion);
    }

    /** The same settings with another API style and Azure API version. */
    public OpenAiEmbeddingSettings withApiStyle(ApiStyle style, String version) {
        return new OpenAiEmbeddingSettings(baseUrl, apiKey, model, dimensions, timeout, batchTimeout, batchSize,
                style, version);
    }

    /** Whether a key is configured. */
    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    /** The key never appears here, so the settings can be logged and shown in startup errors. */
    @Override
    public String toString() {
        return "OpenAiEmbeddingSettings[baseUrl=" + baseUrl + ", apiKey=" + (hasApiKey() ? "****" : "(none)")
                + ", model=" + model + ", dimensions=" + dimensions + ", timeout=" + timeout
                + ", batchTimeout=" + batchTimeout + ", batchSize=" + batchSize + ", apiStyle=" + apiStyle
                + ", apiVersion=" + apiVersion + "]";
    }

    private static void requireTimeout(Duration timeout, String what) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(what + " must be positive and at most " + MAX_TIMEOUT.toMinutes()
                    + " minutes, was " + timeout);
        }
    }

    private static URI withoutTrailingSlash(URI url) {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
