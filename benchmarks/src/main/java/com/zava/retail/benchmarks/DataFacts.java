package com.zava.retail.benchmarks;

import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Facts about the data set the queries are written against, read once as head office. Queries use
 * the data's own last order day rather than today, so they cover a full year whatever day the data
 * was seeded.
 *
 * @param orders       orders head office sees (all of them)
 * @param orderItems   order lines head office sees
 * @param lastOrderDay the as-of date of the seed: the newest order
 * @param pointOrderId an order in the middle of the id range, for the point lookup
 */
record DataFacts(long orders, long orderItems, LocalDate lastOrderDay, long pointOrderId) {

    static final String HEAD_OFFICE = "00000000-0000-0000-0000-000000000000";

    static DataFacts read(JdbcSession app) throws SQLException {
        long orders = Long.parseLong(app.value(HEAD_OFFICE, "SELECT count(*) FROM retail.orders"));
        if (orders == 0) {
            throw new IllegalStateException("The database has no orders. Seed it first: "
                    + "java -jar bootstrap/target/zava-retail-mcp.jar db seed --if-empty (make bench does this)");
        }
        long items = Long.parseLong(app.value(HEAD_OFFICE, "SELECT count(*) FROM retail.order_items"));
        LocalDate last = LocalDate.parse(app.value(HEAD_OFFICE, "SELECT max(order_date) FROM retail.orders"));
        long middle = Long.parseLong(app.value(HEAD_OFFICE, "SELECT order_id FROM retail.orders WHERE order_id >= "
                + "(SELECT (min(order_id) + max(order_id)) / 2 FROM retail.orders) ORDER BY order_id LIMIT 1"));
        return new DataFacts(orders, items, last, middle);
    }
}
