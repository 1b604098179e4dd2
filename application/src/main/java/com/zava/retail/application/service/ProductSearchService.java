package com.zava.retail.application.service;

import com.zava.retail.application.port.in.SearchProductsCommand;
import com.zava.retail.application.port.in.SearchProductsUseCase;
import com.zava.retail.application.port.out.ProductSimilaritySearch;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.domain.QueryResult;

/** Embeds the phrase with the configured model and asks for the closest product descriptions. */
public final class ProductSearchService implements SearchProductsUseCase {

    private final TextEmbedder embedder;
    private final ProductSimilaritySearch search;

    public ProductSearchService(TextEmbedder embedder, ProductSimilaritySearch search) {
        this.embedder = embedder;
        this.search = search;
    }

    @Override
    public QueryResult search(SearchProductsCommand command) {
        float[] vector = embedder.embed(command.phrase().value());
        return search.findSimilar(command.caller(), vector, embedder.model(), command.maxRows(), command.threshold());
    }
}
