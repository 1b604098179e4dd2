package com.zava.retail.bootstrap;

import com.zava.retail.adapters.postgres.EmbeddingModelCheck;
import com.zava.retail.application.port.out.TextEmbedder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * On HTTP start-up: load the embedding model (so the first search does not pay for it and readiness
 * means what it says) and refuse to start when the stored vectors come from another model.
 */
@Component
@ConditionalOnWebApplication
class EmbeddingModelStartupCheck implements ApplicationRunner {

    private final TextEmbedder embedder;
    private final EmbeddingModelCheck check;

    EmbeddingModelStartupCheck(TextEmbedder embedder, EmbeddingModelCheck check) {
        this.embedder = embedder;
        this.check = check;
    }

    @Override
    public void run(ApplicationArguments args) {
        check.verify(embedder.model());
        embedder.embed("warm up");
    }
}
