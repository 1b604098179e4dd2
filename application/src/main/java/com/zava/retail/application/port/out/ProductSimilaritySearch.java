package com.zava.retail.application.port.out;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.RowLimit;
import com.zava.retail.domain.SimilarityThreshold;

/** Products whose description embedding is closest (cosine) to a query vector. */
public interface ProductSimilaritySearch {

    /**
     * @param vector    the query embedding, made by {@code model}
     * @param model     the model the stored vectors must come from; others are never compared
     * @return columns {@code product_id, sku, product_name, category_name, type_name, base_price,
     *         product_description, sp} (similarity percent, two decimals), best first
     */
    QueryResult findSimilar(ManagerId caller, float[] vector, EmbeddingModel model, RowLimit limit,
            SimilarityThreshold threshold);
}
