package com.zava.retail.application.service;

import com.zava.retail.application.port.in.RunSalesQueryUseCase;
import com.zava.retail.application.port.out.QueryResultCache;
import com.zava.retail.application.port.out.SalesQueries;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.SqlText;

/**
 * Runs a manager's query; the database adapter enforces the guard, read-only mode and caps. With
 * a result cache, a repeated statement of the same manager is answered from it. Only results of
 * statements that ran are stored, so a hit always answers a statement the guard accepted for
 * this very manager.
 */
public final class SalesQueryService implements RunSalesQueryUseCase {

    private final SalesQueries queries;
    private final QueryResultCache cache;

    public SalesQueryService(SalesQueries queries, QueryResultCache cache) {
        this.queries = queries;
        this.cache = cache;
    }

    @Override
    public QueryResult run(ManagerId caller, String postgresqlQuery) {
        SqlText sql = new SqlText(postgresqlQuery);
        String key = QueryResultCache.normalise(sql.value());
        return cache.get(caller, key).orElseGet(() -> {
            QueryResult result = queries.run(caller, sql);
            cache.put(caller, key, result);
            return result;
        });
    }
}
