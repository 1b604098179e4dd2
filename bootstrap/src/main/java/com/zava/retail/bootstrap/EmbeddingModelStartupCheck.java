package com.zava.retail.bootstrap;

import com.zava.retail.adapters.postgres.EmbeddingModelCheck;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.domain.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * On HTTP start-up: load the embedding model (so the first search does not pay for it and readiness
 * means what it says) and refuse to start when the stored vectors come from another model. A
 * remote embedding provider that is down at start-up only costs the product search, which reports
 * it per call: the other three tools must not wait for a third party.
 */
@Component
@ConditionalOnWebApplication
class EmbeddingModelStartupCheck implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingModelStartupCheck.class);

    private final TextEmbedder embedder;
    private final EmbeddingModelCheck check;

    EmbeddingModelStartupCheck(TextEmbedder embedder, EmbeddingModelCheck check) {
        this.embedder = embedder;
        this.check = check;
    }

    @Override
    public void run(ApplicationArguments args) {
        check.verify(embedder.model());
        try {
            embedder.embed("warm up");
        } catch (UnavailableException e) {
            LOG.warn("The embedding provider did not answer at start-up; semantic_search_products will report it "
                    + "until it does: {}", e.getMessage());
        }
    }
}
