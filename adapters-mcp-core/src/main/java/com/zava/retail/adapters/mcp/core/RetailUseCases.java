package com.zava.retail.adapters.mcp.core;

import com.zava.retail.application.port.in.AdmitToolCallUseCase;
import com.zava.retail.application.port.in.DescribeTablesUseCase;
import com.zava.retail.application.port.in.GetCurrentUtcDateUseCase;
import com.zava.retail.application.port.in.RunSalesQueryUseCase;
import com.zava.retail.application.port.in.SearchProductsUseCase;
import java.util.Objects;

/** The use cases behind the four tools, and the admission check every call passes first. */
public record RetailUseCases(DescribeTablesUseCase describeTables, RunSalesQueryUseCase runQuery,
        SearchProductsUseCase searchProducts, GetCurrentUtcDateUseCase currentDate, AdmitToolCallUseCase admission) {

    public RetailUseCases {
        Objects.requireNonNull(describeTables, "describeTables");
        Objects.requireNonNull(runQuery, "runQuery");
        Objects.requireNonNull(searchProducts, "searchProducts");
        Objects.requireNonNull(currentDate, "currentDate");
        Objects.requireNonNull(admission, "admission");
    }
}
