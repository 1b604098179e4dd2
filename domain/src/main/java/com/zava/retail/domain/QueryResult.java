package com.zava.retail.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows answered to a manager: column names and row values (strings, numbers, booleans or null),
 * and, when a row or size cap cut the result short, why.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, Optional<String> truncation) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
        Objects.requireNonNull(truncation, "truncation");
    }

    public static QueryResult complete(List<String> columns, List<List<Object>> rows) {
        return new QueryResult(columns, rows, Optional.empty());
    }

    public boolean truncated() {
        return truncation.isPresent();
    }
}
