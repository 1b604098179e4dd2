package com.zava.retail.benchmarks;

/**
 * One query of the mix, run unchanged through raw JDBC and through {@code execute_sales_query}.
 *
 * @param id           short name used in tables
 * @param title        what it asks, in a manager's words
 * @param sql          the statement
 * @param expectedRows rows it must return as head office, or -1 when any number will do
 */
record SalesQuery(String id, String title, String sql, int expectedRows) {
}
