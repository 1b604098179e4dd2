package com.zava.retail.application.port.in;

import com.zava.retail.domain.QueryResult;

/** Finds products whose description is close in meaning to a phrase. */
public interface SearchProductsUseCase {

    /** Products ordered by similarity, best first, each with its similarity percent ({@code sp}). */
    QueryResult search(SearchProductsCommand command);
}
