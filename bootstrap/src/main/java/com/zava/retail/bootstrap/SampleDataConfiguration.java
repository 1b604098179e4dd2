package com.zava.retail.bootstrap;

import com.zava.retail.adapters.embeddings.OnnxTextEmbedder;
import com.zava.retail.adapters.embeddings.OpenAiEmbeddingSettings;
import com.zava.retail.adapters.embeddings.OpenAiTextEmbedder;
import com.zava.retail.application.port.in.SeedSampleDataUseCase;
import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.SampleDataStore;
import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.application.sampledata.Catalogue;
import com.zava.retail.application.service.SampleDataService;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** Wiring of the sample data use case and the ports it needs. */
@Configuration(proxyBeanMethods = false)
class SampleDataConfiguration {

    @Bean
    Clock clock() {
        return Instant::now;
    }

    /**
     * The embedder chosen by {@code zava.embeddings.provider}: {@code onnx} (default, in process,
     * offline) or {@code openai} (an OpenAI-compatible endpoint, OpenAI or Azure OpenAI, configured
     * under {@code zava.embeddings.openai.*}), whose requests pass the {@code embeddings} circuit
     * breaker. Lazy: loading the ONNX model takes a second or two, and commands that never embed
     * should not pay it.
     */
    @Bean
    @Lazy
    TextEmbedder textEmbedder(Environment environment, ObjectProvider<CircuitBreakerRegistry> breakers) {
        Binder binder = Binder.get(environment);
        String provider = binder.bind("zava.embeddings.provider", String.class).orElse("onnx").strip();
        switch (provider.toLowerCase(Locale.ROOT)) {
            case "onnx":
                return new OnnxTextEmbedder();
            case "openai":
                break;
            default:
                throw new IllegalStateException("zava.embeddings.provider must be 'onnx' or 'openai', was '"
                        + provider + "'");
        }
        String prefix = "zava.embeddings.openai.";
        String url = binder.bind(prefix + "base-url", String.class).orElseThrow(() -> new IllegalStateException(
                prefix + "base-url (ZAVA_EMBEDDINGS_OPENAI_BASE_URL) must be set when zava.embeddings.provider is "
                        + "openai, e.g. https://api.openai.com/v1 or an Azure OpenAI deployment URL"));
        URI baseUrl;
        try {
            baseUrl = new URI(url.strip());
        } catch (URISyntaxException e) {
            // Not echoed: a mistyped URL may carry credentials.
            throw new IllegalStateException(prefix + "base-url is not a valid URL");
        }
        OpenAiEmbeddingSettings settings = new OpenAiEmbeddingSettings(baseUrl,
                binder.bind(prefix + "api-key", String.class).orElse(""),
                binder.bind(prefix + "model", String.class).orElse(OpenAiEmbeddingSettings.DEFAULT_MODEL),
                binder.bind(prefix + "dimensions", Integer.class).orElse(OpenAiEmbeddingSettings.DEFAULT_DIMENSIONS),
                binder.bind(prefix + "timeout", Duration.class).orElse(OpenAiEmbeddingSettings.DEFAULT_TIMEOUT),
                binder.bind(prefix + "batch-timeout", Duration.class)
                        .orElse(OpenAiEmbeddingSettings.DEFAULT_BATCH_TIMEOUT),
                binder.bind(prefix + "batch-size", Integer.class).orElse(OpenAiEmbeddingSettings.DEFAULT_BATCH_SIZE),
                // Unset: Azure when the host is under azure.com, else OpenAI's bearer token.
                OpenAiEmbeddingSettings.ApiStyle.of(binder.bind(prefix + "azure", Boolean.class).orElse(null), baseUrl),
                binder.bind(prefix + "api-version", String.class)
                        .orElse(OpenAiEmbeddingSettings.DEFAULT_AZURE_API_VERSION));
        // Without the resilience4j starter (e.g. a slimmed-down test context) the breaker still
        // works, with Resilience4j's defaults instead of application.yml's.
        CircuitBreaker breaker = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker("embeddings");
        return new OpenAiTextEmbedder(settings, breaker);
    }

    @Bean
    @Lazy
    SeedSampleDataUseCase seedSampleData(SampleDataStore store, @Lazy TextEmbedder embedder, Clock clock,
            ObjectProvider<SeedProgress> progress) {
        return new SampleDataService(Catalogue.zava(), store, embedder, clock,
                progress.getIfAvailable(() -> new TerminalSeedProgress(System.err)));
    }
}
