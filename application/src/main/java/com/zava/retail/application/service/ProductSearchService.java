package com.zava.retail.application.service;

import com.zava.retail.application.port.in.SearchProductsCommand;
import com.zava.retail.application.port.in.SearchProductsUseCase;
import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.ProductSimilaritySearch;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.domain.QueryResult;

/**
 * Embeds the phrase with the configured model (or takes its vector from the cache) and asks for
 * the closest product descriptions. Product rows are never cached: only the phrase's vector, which
 * is the same for every manager.
 */
public final class ProductSearchService implements SearchProductsUseCase {

    private final TextEmbedder embedder;
    private final ProductSimilaritySearch search;
    private final EmbeddingCache cache;

    public ProductSearchService(TextEmbedder embedder, ProductSimilaritySearch search, EmbeddingCache cache) {
        this.embedder = embedder;
        this.search = search;
        this.cache = cache;
    }

    @Override
    public QueryResult search(SearchProductsCommand command) {
        String phrase = EmbeddingCache.normalise(command.phrase().value());
        float[] vector = cache.get(embedder.model(), phrase).orElseGet(() -> {
            float[] embedded = embedder.embed(phrase);
            cache.put(embedder.model(), phrase, embedded);
            return embedded;
        });
        return search.findSimilar(command.caller(), vector, embedder.model(), command.maxRows(), command.threshold());
    }
}
