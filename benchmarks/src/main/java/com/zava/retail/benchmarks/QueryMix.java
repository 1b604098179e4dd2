package com.zava.retail.benchmarks;

import java.time.LocalDate;
import java.util.List;

/**
 * The four queries of issue 10's mix: a point lookup (well under a millisecond in PostgreSQL), a
 * 20-row aggregate over a year of orders (milliseconds: where the MCP layer's cost shows), and two
 * heavy ones over order items (hundreds of milliseconds): a join grouped by category and a
 * window-function ranking.
 * Each is the kind of statement an agent writes for a store manager, and each passes the server's
 * SQL guard (one SELECT, allow-listed retail tables and functions). Dates are literals derived from
 * the data's last order day, so the raw and the server path run the very same text.
 */
final class QueryMix {

    static final String POINT_LOOKUP = "point_lookup";
    static final String AGGREGATE = "aggregate_20_rows";

    private QueryMix() {
    }

    static List<SalesQuery> of(DataFacts facts) {
        LocalDate yearStart = facts.lastOrderDay().minusYears(1);
        String lastYear = "o.order_date > DATE '" + yearStart + "'";
        return List.of(
                new SalesQuery(POINT_LOOKUP, "one order by its id",
                        "SELECT o.order_id, o.order_date, o.store_id, o.customer_id FROM retail.orders o "
                                + "WHERE o.order_id = " + facts.pointOrderId(),
                        1),
                new SalesQuery(AGGREGATE, "the 20 busiest days of the last year: orders, customers and stores",
                        "SELECT o.order_date, count(*) AS orders, count(DISTINCT o.customer_id) AS customers, "
                                + "count(DISTINCT o.store_id) AS stores FROM retail.orders o "
                                + "WHERE " + lastYear + " "
                                + "GROUP BY o.order_date ORDER BY orders DESC, o.order_date LIMIT 20",
                        20),
                new SalesQuery("category_join", "units and revenue per category over all order items",
                        "SELECT c.category_name, count(*) AS order_lines, sum(oi.quantity) AS units, "
                                + "sum(oi.total_amount) AS revenue "
                                + "FROM retail.order_items oi JOIN retail.products p ON p.product_id = oi.product_id "
                                + "JOIN retail.categories c ON c.category_id = p.category_id "
                                + "GROUP BY c.category_name ORDER BY revenue DESC",
                        -1),
                new SalesQuery("window_ranking", "each store's three best-selling products of the last year",
                        "SELECT store_name, product_name, revenue, sales_rank FROM ("
                                + "SELECT s.store_name, p.product_name, sum(oi.total_amount) AS revenue, "
                                + "rank() OVER (PARTITION BY s.store_name ORDER BY sum(oi.total_amount) DESC) AS sales_rank "
                                + "FROM retail.order_items oi JOIN retail.orders o ON o.order_id = oi.order_id "
                                + "JOIN retail.stores s ON s.store_id = oi.store_id "
                                + "JOIN retail.products p ON p.product_id = oi.product_id "
                                + "WHERE " + lastYear + " "
                                + "GROUP BY s.store_name, p.product_name) ranked "
                                + "WHERE sales_rank <= 3 ORDER BY store_name, sales_rank",
                        -1));
    }
}
