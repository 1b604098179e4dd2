package com.zava.retail.application.service;

import com.zava.retail.application.port.in.RunSalesQueryUseCase;
import com.zava.retail.application.port.out.SalesQueries;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.SqlText;

/** Runs a manager's query; the database adapter enforces the guard, read-only mode and caps. */
public final class SalesQueryService implements RunSalesQueryUseCase {

    private final SalesQueries queries;

    public SalesQueryService(SalesQueries queries) {
        this.queries = queries;
    }

    @Override
    public QueryResult run(ManagerId caller, String postgresqlQuery) {
        return queries.run(caller, new SqlText(postgresqlQuery));
    }
}
