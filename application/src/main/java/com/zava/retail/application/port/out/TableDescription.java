package com.zava.retail.application.port.out;

import java.util.List;
import java.util.Map;

/**
 * What a model needs to write SQL against one table.
 *
 * @param table         schema-qualified name
 * @param columns       columns in table order
 * @param primaryKey    primary key columns
 * @param relationships foreign keys, both those of this table and those pointing at it
 * @param validValues   values worth knowing exactly, by what they are (e.g. "store_name"), as the
 *                      caller sees them
 * @param hints         short advice for writing queries against this table
 */
public record TableDescription(String table, List<Column> columns, List<String> primaryKey,
        List<Relationship> relationships, Map<String, List<String>> validValues, List<String> hints) {

    public TableDescription {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        relationships = List.copyOf(relationships);
        validValues = Map.copyOf(validValues);
        hints = List.copyOf(hints);
    }

    /** A column: name, SQL type and whether it may be null. */
    public record Column(String name, String type, boolean nullable) {
    }

    /**
     * A foreign key. {@code direction} is {@code outgoing} when this table references the other
     * ({@code orders.customer_id -> customers.customer_id}) and {@code incoming} otherwise.
     */
    public record Relationship(String direction, String fromTable, List<String> fromColumns, String toTable,
            List<String> toColumns) {

        public Relationship {
            fromColumns = List.copyOf(fromColumns);
            toColumns = List.copyOf(toColumns);
        }
    }
}
