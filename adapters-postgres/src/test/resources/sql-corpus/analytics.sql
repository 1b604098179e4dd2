-- name: revenue-by-store-2025
SELECT s.store_name,
       count(DISTINCT o.order_id) AS orders,
       sum(oi.total_amount) AS revenue
FROM retail.orders o
JOIN retail.order_items oi ON oi.order_id = o.order_id
JOIN retail.stores s ON s.store_id = o.store_id
WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
GROUP BY s.store_name
ORDER BY revenue DESC, s.store_name;

-- name: monthly-revenue-2025
SELECT date_trunc('month', o.order_date::timestamp)::date AS month,
       count(DISTINCT o.order_id) AS orders,
       sum(oi.total_amount) AS revenue
FROM retail.orders o
JOIN retail.order_items oi ON oi.order_id = o.order_id
WHERE o.order_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
GROUP BY 1
ORDER BY 1

-- name: top-ten-products-by-revenue
SELECT p.product_id,
       p.sku,
       p.product_name,
       sum(oi.quantity) AS units_sold,
       sum(oi.total_amount) AS revenue
FROM retail.order_items oi
JOIN retail.products p ON p.product_id = oi.product_id
GROUP BY p.product_id, p.sku, p.product_name
ORDER BY revenue DESC, p.product_id
FETCH FIRST 10 ROWS ONLY

-- name: category-revenue-share
WITH category_revenue AS (
    SELECT c.category_name, sum(oi.total_amount) AS revenue
    FROM retail.order_items oi
    JOIN retail.products p ON p.product_id = oi.product_id
    JOIN retail.categories c ON c.category_id = p.category_id
    GROUP BY c.category_name
)
SELECT category_name,
       revenue,
       round(100 * revenue / sum(revenue) OVER (), 2) AS pct_of_total,
       rank() OVER (ORDER BY revenue DESC) AS revenue_rank
FROM category_revenue
ORDER BY revenue DESC, category_name

-- name: recursive-month-calendar-2025
-- Every month of 2025, including months without orders.
WITH RECURSIVE months(month_start) AS (
    SELECT DATE '2025-01-01'
    UNION ALL
    SELECT (month_start + INTERVAL '1 month')::date
    FROM months
    WHERE month_start < DATE '2025-12-01'
)
SELECT m.month_start,
       to_char(m.month_start, 'Mon YYYY') AS label,
       count(o.order_id) AS orders
FROM months m
LEFT JOIN retail.orders o
       ON o.order_date >= m.month_start
      AND o.order_date < (m.month_start + INTERVAL '1 month')::date
GROUP BY m.month_start
ORDER BY m.month_start

-- name: daily-orders-first-half-of-march-2025
SELECT d::date AS day,
       to_char(d, 'Dy') AS weekday,
       count(o.order_id) AS orders
FROM generate_series(TIMESTAMP '2025-03-01', TIMESTAMP '2025-03-14', INTERVAL '1 day') AS d
LEFT JOIN retail.orders o ON o.order_date = d::date
GROUP BY d
ORDER BY d

-- name: online-versus-in-store-orders-by-year
SELECT extract(year FROM o.order_date)::int AS year,
       count(*) FILTER (WHERE s.is_online) AS online_orders,
       count(*) FILTER (WHERE NOT s.is_online) AS in_store_orders,
       round(100.0 * count(*) FILTER (WHERE s.is_online) / NULLIF(count(*), 0), 1) AS online_pct
FROM retail.orders o
JOIN retail.stores s ON s.store_id = o.store_id
GROUP BY 1
ORDER BY 1

-- name: median-and-p90-order-value-by-store
WITH order_totals AS (
    SELECT o.order_id, o.store_id, sum(oi.total_amount) AS order_total
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    GROUP BY o.order_id, o.store_id
)
SELECT s.store_name,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY t.order_total) AS median_order_value,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY t.order_total) AS p90_order_value,
       round(avg(t.order_total), 2) AS mean_order_value
FROM order_totals t
JOIN retail.stores s ON s.store_id = t.store_id
GROUP BY s.store_name
ORDER BY s.store_name

-- name: typical-quantity-per-category
SELECT c.category_name,
       mode() WITHIN GROUP (ORDER BY oi.quantity) AS typical_quantity,
       min(oi.quantity) AS min_quantity,
       max(oi.quantity) AS max_quantity,
       round(avg(oi.quantity), 2) AS avg_quantity
FROM retail.order_items oi
JOIN retail.products p ON p.product_id = oi.product_id
JOIN retail.categories c ON c.category_id = p.category_id
GROUP BY c.category_name
ORDER BY c.category_name

-- name: orders-by-store-and-year-grouping-sets
SELECT store_name,
       order_year,
       count(*) AS orders,
       CASE
           WHEN store_name IS NULL THEN 'all stores'
           WHEN order_year IS NULL THEN 'store total'
           ELSE 'store and year'
       END AS row_kind
FROM (
    SELECT s.store_name, extract(year FROM o.order_date)::int AS order_year
    FROM retail.orders o
    JOIN retail.stores s ON s.store_id = o.store_id
    WHERE o.order_date >= DATE '2024-01-01' AND o.order_date < DATE '2026-01-01'
) x
GROUP BY GROUPING SETS ((store_name, order_year), (store_name), ())
ORDER BY store_name NULLS LAST, order_year NULLS LAST

-- name: product-count-rollup-electrical-and-plumbing
SELECT c.category_name,
       pt.type_name,
       count(*) AS products,
       round(avg(p.base_price), 2) AS avg_base_price
FROM retail.products p
JOIN retail.categories c ON c.category_id = p.category_id
JOIN retail.product_types pt ON pt.type_id = p.type_id
WHERE c.category_name IN ('ELECTRICAL', 'PLUMBING')
GROUP BY ROLLUP (c.category_name, pt.type_name)
ORDER BY c.category_name NULLS LAST, pt.type_name NULLS LAST

-- name: units-2026-cube-channel-and-category
SELECT s.is_online,
       c.category_name,
       sum(oi.quantity) AS units
FROM retail.order_items oi
JOIN retail.stores s ON s.store_id = oi.store_id
JOIN retail.products p ON p.product_id = oi.product_id
JOIN retail.categories c ON c.category_id = p.category_id
WHERE oi.order_id IN (SELECT o.order_id FROM retail.orders o WHERE o.order_date >= DATE '2026-01-01')
GROUP BY CUBE (s.is_online, c.category_name)
ORDER BY s.is_online NULLS LAST, c.category_name NULLS LAST

-- name: top-three-products-per-store-lateral
SELECT s.store_name,
       top.product_id,
       top.product_name,
       top.units
FROM retail.stores s
CROSS JOIN LATERAL (
    SELECT p.product_id, p.product_name, sum(oi.quantity) AS units
    FROM retail.order_items oi
    JOIN retail.products p ON p.product_id = oi.product_id
    WHERE oi.store_id = s.store_id
    GROUP BY p.product_id, p.product_name
    ORDER BY units DESC, p.product_id
    LIMIT 3
) AS top
ORDER BY s.store_name, top.units DESC, top.product_id

-- name: latest-order-per-store-distinct-on
SELECT DISTINCT ON (o.store_id)
       o.store_id,
       s.store_name,
       o.order_id,
       o.order_date
FROM retail.orders o
JOIN retail.stores s ON s.store_id = o.store_id
ORDER BY o.store_id, o.order_date DESC, o.order_id DESC

-- name: best-selling-product-per-category-distinct-on
WITH product_units AS (
    SELECT p.category_id, p.product_id, p.product_name, sum(oi.quantity) AS units
    FROM retail.order_items oi
    JOIN retail.products p ON p.product_id = oi.product_id
    GROUP BY p.category_id, p.product_id, p.product_name
)
SELECT DISTINCT ON (c.category_name)
       c.category_name,
       pu.product_name,
       pu.units
FROM product_units pu
JOIN retail.categories c ON c.category_id = pu.category_id
ORDER BY c.category_name, pu.units DESC, pu.product_id

-- name: month-over-month-growth-2025
WITH monthly AS (
    SELECT date_trunc('month', o.order_date::timestamp)::date AS month,
           sum(oi.total_amount) AS revenue
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
    GROUP BY 1
)
SELECT month,
       revenue,
       lag(revenue) OVER (ORDER BY month) AS previous_month_revenue,
       round(100 * (revenue - lag(revenue) OVER (ORDER BY month))
             / NULLIF(lag(revenue) OVER (ORDER BY month), 0), 1) AS growth_pct
FROM monthly
ORDER BY month

-- name: days-between-orders-for-customer-42
SELECT o.order_id,
       o.order_date,
       lead(o.order_date) OVER (ORDER BY o.order_date, o.order_id) AS next_order_date,
       lead(o.order_date) OVER (ORDER BY o.order_date, o.order_id) - o.order_date AS days_until_next
FROM retail.orders o
WHERE o.customer_id = 42
ORDER BY o.order_date, o.order_id

-- name: seattle-cumulative-revenue-2025
WITH monthly AS (
    SELECT extract(month FROM o.order_date)::int AS month_no,
           sum(oi.total_amount) AS revenue
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    JOIN retail.stores s ON s.store_id = o.store_id
    WHERE s.store_name = 'Zava Retail Seattle'
      AND o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
    GROUP BY 1
)
SELECT month_no,
       revenue,
       sum(revenue) OVER (ORDER BY month_no ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS revenue_to_date
FROM monthly
ORDER BY month_no

-- name: three-month-moving-average-revenue
WITH monthly AS (
    SELECT date_trunc('month', o.order_date::timestamp)::date AS month,
           sum(oi.total_amount) AS revenue
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    WHERE o.order_date >= DATE '2024-07-01' AND o.order_date < DATE '2025-07-01'
    GROUP BY 1
)
SELECT month,
       revenue,
       round(avg(revenue) OVER (ORDER BY month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 2) AS moving_avg_3m
FROM monthly
ORDER BY month

-- name: customer-spend-quartiles-2025
WITH spend AS (
    SELECT o.customer_id, sum(oi.total_amount) AS total_spent
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
    GROUP BY o.customer_id
), quartiles AS (
    SELECT customer_id,
           total_spent,
           ntile(4) OVER (ORDER BY total_spent DESC, customer_id) AS quartile
    FROM spend
)
SELECT quartile,
       count(*) AS customers,
       min(total_spent) AS min_spent,
       max(total_spent) AS max_spent,
       round(avg(total_spent), 2) AS avg_spent
FROM quartiles
GROUP BY quartile
ORDER BY quartile

-- name: two-most-expensive-price-points-per-category
SELECT category_name, product_name, base_price, price_rank
FROM (
    SELECT c.category_name,
           p.product_id,
           p.product_name,
           p.base_price,
           dense_rank() OVER (PARTITION BY c.category_id ORDER BY p.base_price DESC) AS price_rank
    FROM retail.products p
    JOIN retail.categories c ON c.category_id = p.category_id
) ranked
WHERE price_rank <= 2
ORDER BY category_name, price_rank, product_id

-- name: first-order-of-2024-per-store
SELECT DISTINCT s.store_name,
       first_value(o.order_date) OVER w AS first_order_date,
       first_value(o.order_id) OVER w AS first_order_id
FROM retail.orders o
JOIN retail.stores s ON s.store_id = o.store_id
WHERE o.order_date >= DATE '2024-01-01' AND o.order_date < DATE '2025-01-01'
WINDOW w AS (PARTITION BY o.store_id ORDER BY o.order_date, o.order_id)
ORDER BY s.store_name

-- name: top-three-customers-per-store-2025
WITH spend AS (
    SELECT o.store_id, o.customer_id, sum(oi.total_amount) AS total_spent
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
    GROUP BY o.store_id, o.customer_id
), ranked AS (
    SELECT store_id, customer_id, total_spent,
           row_number() OVER (PARTITION BY store_id ORDER BY total_spent DESC, customer_id) AS rn
    FROM spend
)
SELECT s.store_name,
       r.rn AS position,
       concat(cu.first_name, ' ', cu.last_name) AS customer,
       r.total_spent
FROM ranked r
JOIN retail.stores s ON s.store_id = r.store_id
JOIN retail.customers cu ON cu.customer_id = r.customer_id
WHERE r.rn <= 3
ORDER BY s.store_name, r.rn

-- name: low-stock-seattle-with-status
SELECT p.sku,
       p.product_name,
       i.stock_level,
       CASE
           WHEN i.stock_level = 0 THEN 'OUT OF STOCK'
           WHEN i.stock_level < 5 THEN 'CRITICAL'
           ELSE 'LOW'
       END AS stock_status
FROM retail.inventory i
JOIN retail.products p ON p.product_id = i.product_id
JOIN retail.stores s ON s.store_id = i.store_id
WHERE s.store_name = 'Zava Retail Seattle'
  AND i.stock_level < 10
ORDER BY i.stock_level, p.sku

-- name: inventory-value-by-store-and-category
SELECT s.store_name,
       c.category_name,
       sum(i.stock_level) AS units_on_hand,
       sum(i.stock_level * p.cost) AS value_at_cost,
       sum(i.stock_level * p.base_price) AS value_at_list_price
FROM retail.inventory i
JOIN retail.stores s ON s.store_id = i.store_id
JOIN retail.products p ON p.product_id = i.product_id
JOIN retail.categories c ON c.category_id = p.category_id
GROUP BY s.store_name, c.category_name
ORDER BY s.store_name, c.category_name

-- name: power-tools-priced-above-category-average
SELECT p.sku,
       p.product_name,
       p.base_price,
       round(p.base_price - (SELECT avg(p2.base_price)
                             FROM retail.products p2
                             WHERE p2.category_id = p.category_id), 2) AS above_category_avg
FROM retail.products p
JOIN retail.categories c ON c.category_id = p.category_id
WHERE c.category_name = 'POWER TOOLS'
  AND p.base_price > (SELECT avg(p2.base_price)
                      FROM retail.products p2
                      WHERE p2.category_id = p.category_id)
ORDER BY p.base_price DESC, p.sku

-- name: garden-buyers-2025-per-store-exists
SELECT s.store_name,
       count(*) AS customers_buying_garden
FROM retail.customers cu
JOIN retail.stores s ON s.store_id = cu.primary_store_id
WHERE EXISTS (
    SELECT 1
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    JOIN retail.products p ON p.product_id = oi.product_id
    JOIN retail.categories c ON c.category_id = p.category_id
    WHERE o.customer_id = cu.customer_id
      AND c.category_name = 'GARDEN & OUTDOOR'
      AND o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
)
GROUP BY s.store_name
ORDER BY s.store_name

-- name: stocked-but-never-sold-in-tacoma
SELECT p.sku,
       p.product_name,
       i.stock_level
FROM retail.inventory i
JOIN retail.products p ON p.product_id = i.product_id
JOIN retail.stores s ON s.store_id = i.store_id
WHERE s.store_name = 'Zava Retail Tacoma'
  AND NOT EXISTS (
      SELECT 1
      FROM retail.order_items oi
      WHERE oi.store_id = i.store_id
        AND oi.product_id = i.product_id
  )
ORDER BY p.sku
LIMIT 50

-- name: seattle-customers-shopping-elsewhere
SELECT s.store_name AS other_store,
       count(DISTINCT o.customer_id) AS seattle_customers
FROM retail.orders o
JOIN retail.stores s ON s.store_id = o.store_id
WHERE o.customer_id IN (
        SELECT cu.customer_id
        FROM retail.customers cu
        JOIN retail.stores home ON home.store_id = cu.primary_store_id
        WHERE home.store_name = 'Zava Retail Seattle')
  AND s.store_name <> 'Zava Retail Seattle'
GROUP BY s.store_name
ORDER BY s.store_name

-- name: best-and-worst-month-2025-union
WITH monthly AS (
    SELECT date_trunc('month', o.order_date::timestamp)::date AS month,
           sum(oi.total_amount) AS revenue
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
    GROUP BY 1
)
(SELECT 'best month' AS kind, month, revenue FROM monthly ORDER BY revenue DESC, month LIMIT 1)
UNION ALL
(SELECT 'worst month' AS kind, month, revenue FROM monthly ORDER BY revenue ASC, month LIMIT 1)
ORDER BY kind

-- name: products-sold-at-seattle-and-online-intersect
SELECT p.sku, p.product_name
FROM retail.order_items oi
JOIN retail.products p ON p.product_id = oi.product_id
JOIN retail.stores s ON s.store_id = oi.store_id
WHERE s.store_name = 'Zava Retail Seattle' AND oi.discount_percent >= 20
INTERSECT
SELECT p.sku, p.product_name
FROM retail.order_items oi
JOIN retail.products p ON p.product_id = oi.product_id
JOIN retail.stores s ON s.store_id = oi.store_id
WHERE s.store_name = 'Zava Retail Online' AND oi.discount_percent >= 20
ORDER BY sku
LIMIT 25

-- name: spokane-stock-not-sold-in-2026-except
WITH unsold AS (
    SELECT i.product_id
    FROM retail.inventory i
    JOIN retail.stores s ON s.store_id = i.store_id
    WHERE s.store_name = 'Zava Retail Spokane' AND i.stock_level > 0
    EXCEPT
    SELECT oi.product_id
    FROM retail.order_items oi
    JOIN retail.orders o ON o.order_id = oi.order_id
    JOIN retail.stores s ON s.store_id = o.store_id
    WHERE s.store_name = 'Zava Retail Spokane' AND o.order_date >= DATE '2026-01-01'
)
SELECT p.sku, p.product_name
FROM unsold u
JOIN retail.products p ON p.product_id = u.product_id
ORDER BY p.sku
LIMIT 30

-- name: hammer-products-ilike
SELECT p.sku,
       p.product_name,
       p.base_price
FROM retail.products p
WHERE p.product_name ILIKE '%hammer%'
ORDER BY p.base_price DESC, p.sku

-- name: cordless-products-regex
SELECT p.sku,
       p.product_name,
       p.base_price
FROM retail.products p
WHERE p.sku ~ '^(PT|EL)-'
  AND p.product_description ~* '(cordless|battery)'
ORDER BY p.sku

-- name: customers-by-phone-area-code
SELECT s.store_name,
       COALESCE(substring(cu.phone FROM '\((\d{3})\)'), 'unknown') AS area_code,
       count(*) AS customers
FROM retail.customers cu
JOIN retail.stores s ON s.store_id = cu.primary_store_id
GROUP BY s.store_name, 2
ORDER BY s.store_name, area_code

-- name: customer-directory-page-two
SELECT cu.customer_id,
       initcap(lower(cu.last_name)) || ', ' || cu.first_name AS customer,
       upper(split_part(cu.email, '@', 2)) AS email_domain,
       length(cu.first_name || cu.last_name) AS name_length
FROM retail.customers cu
ORDER BY cu.last_name, cu.first_name, cu.customer_id
LIMIT 20 OFFSET 20

-- name: discount-buckets-2025
/* How much do discounts cost us? One row per discount band. */
SELECT CASE
           WHEN oi.discount_percent = 0 THEN 'no discount'
           WHEN oi.discount_percent < 10 THEN '5-9%'
           WHEN oi.discount_percent < 20 THEN '10-19%'
           ELSE '20% and more'
       END AS discount_band,
       count(*) AS line_items,
       sum(oi.discount_amount) AS discount_given,
       sum(oi.total_amount) AS revenue
FROM retail.order_items oi
JOIN retail.orders o ON o.order_id = oi.order_id
WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
GROUP BY 1
ORDER BY min(oi.discount_percent)

-- name: margin-by-product-type-paint
SELECT pt.type_name,
       count(*) AS products,
       round(avg(100 * (p.base_price - p.cost) / NULLIF(p.base_price, 0)), 1) AS avg_margin_pct,
       greatest(max(p.base_price), 0) AS highest_price,
       least(min(p.base_price), 999999) AS lowest_price
FROM retail.products p
JOIN retail.categories c ON c.category_id = p.category_id
JOIN retail.product_types pt ON pt.type_id = p.type_id
WHERE c.category_name = 'PAINT & FINISHES'
GROUP BY pt.type_name
ORDER BY avg_margin_pct DESC, pt.type_name

-- name: customer-tenure-years-at-2026
SELECT extract(year FROM age(TIMESTAMP '2026-01-01', (cu.created_at AT TIME ZONE 'UTC')))::int AS tenure_years,
       count(*) AS customers
FROM retail.customers cu
GROUP BY 1
ORDER BY 1

-- name: quarterly-revenue-make-date
SELECT make_date(extract(year FROM o.order_date)::int,
                 (extract(quarter FROM o.order_date)::int - 1) * 3 + 1,
                 1) AS quarter_start,
       count(DISTINCT o.order_id) AS orders,
       sum(oi.total_amount) AS revenue
FROM retail.orders o
JOIN retail.order_items oi ON oi.order_id = o.order_id
WHERE o.order_date >= DATE '2024-01-01' AND o.order_date < DATE '2026-01-01'
GROUP BY 1
ORDER BY 1

-- name: orders-by-weekday
SELECT date_part('isodow', o.order_date)::int AS iso_weekday,
       trim(to_char(o.order_date, 'Day')) AS weekday,
       count(*) AS orders
FROM retail.orders o
GROUP BY 1, 2
ORDER BY 1

-- name: last-thirty-days-of-data-by-store
SELECT s.store_name,
       count(*) AS orders,
       min(o.order_date) AS first_day,
       max(o.order_date) AS last_day
FROM retail.orders o
JOIN retail.stores s ON s.store_id = o.store_id
WHERE o.order_date > DATE '2026-11-27' - INTERVAL '30 days'
  AND o.order_date <= DATE '2026-11-27'
GROUP BY s.store_name
ORDER BY s.store_name

-- name: most-loyal-customers-with-stores-visited
SELECT cu.customer_id,
       cu.first_name,
       cu.last_name,
       count(DISTINCT o.order_id) AS orders,
       string_agg(DISTINCT s.store_name, '; ' ORDER BY s.store_name) AS stores_visited
FROM retail.orders o
JOIN retail.customers cu ON cu.customer_id = o.customer_id
JOIN retail.stores s ON s.store_id = o.store_id
GROUP BY cu.customer_id, cu.first_name, cu.last_name
HAVING count(DISTINCT o.order_id) >= 3
ORDER BY orders DESC, cu.customer_id
LIMIT 15

-- name: categories-bought-by-top-customers
WITH top_customers AS (
    SELECT o.customer_id, sum(oi.total_amount) AS total_spent
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    GROUP BY o.customer_id
    ORDER BY total_spent DESC, o.customer_id
    LIMIT 5
)
SELECT t.customer_id,
       t.total_spent,
       array_agg(DISTINCT c.category_name ORDER BY c.category_name) AS categories
FROM top_customers t
JOIN retail.orders o ON o.customer_id = t.customer_id
JOIN retail.order_items oi ON oi.order_id = o.order_id
JOIN retail.products p ON p.product_id = oi.product_id
JOIN retail.categories c ON c.category_id = p.category_id
GROUP BY t.customer_id, t.total_spent
ORDER BY t.total_spent DESC, t.customer_id

-- name: fully-stocked-categories-per-store
SELECT s.store_name,
       c.category_name,
       bool_and(i.stock_level > 0) AS everything_in_stock,
       count(*) FILTER (WHERE i.stock_level = 0) AS out_of_stock_items
FROM retail.inventory i
JOIN retail.stores s ON s.store_id = i.store_id
JOIN retail.products p ON p.product_id = i.product_id
JOIN retail.categories c ON c.category_id = p.category_id
GROUP BY s.store_name, c.category_name
ORDER BY s.store_name, c.category_name

-- name: daily-revenue-volatility-by-store-2025
WITH daily AS (
    SELECT o.store_id, o.order_date, sum(oi.total_amount) AS revenue
    FROM retail.orders o
    JOIN retail.order_items oi ON oi.order_id = o.order_id
    WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
    GROUP BY o.store_id, o.order_date
)
SELECT s.store_name,
       count(*) AS trading_days,
       round(avg(d.revenue), 2) AS avg_daily_revenue,
       round(stddev(d.revenue), 2) AS stddev_daily_revenue
FROM daily d
JOIN retail.stores s ON s.store_id = d.store_id
GROUP BY s.store_name
ORDER BY s.store_name

-- name: price-bands-and-spread-per-category
WITH stats AS (
    SELECT p.category_id, avg(p.base_price) AS avg_price
    FROM retail.products p
    GROUP BY p.category_id
)
SELECT c.category_name,
       floor(min(p.base_price) / 50) * 50 AS lowest_band,
       ceil(max(p.base_price) / 50) * 50 AS highest_band,
       round(sqrt(avg(power(p.base_price - st.avg_price, 2))), 2) AS price_spread,
       round(max(abs(p.base_price - st.avg_price)), 2) AS max_deviation
FROM retail.products p
JOIN stats st ON st.category_id = p.category_id
JOIN retail.categories c ON c.category_id = p.category_id
GROUP BY c.category_name
ORDER BY c.category_name

-- name: sku-prefix-summary
SELECT split_part(p.sku, '-', 1) AS sku_prefix,
       left(p.sku, 6) AS first_sku_family,
       count(*) AS products,
       min(right(p.sku, 3)) AS lowest_suffix,
       max(replace(p.product_name, ' with ', ' w/ ')) AS last_name_alphabetically
FROM retail.products p
GROUP BY 1, 2
ORDER BY 1, 2
LIMIT 100

-- name: hand-tools-stock-pivot-by-store
-- Stock of hand tools in four stores side by side; products missing in a store count as 0.
SELECT p.sku,
       p.product_name,
       COALESCE(max(i.stock_level) FILTER (WHERE i.store_id = 1), 0) AS store_1,
       COALESCE(max(i.stock_level) FILTER (WHERE i.store_id = 2), 0) AS store_2,
       COALESCE(max(i.stock_level) FILTER (WHERE i.store_id = 3), 0) AS store_3,
       COALESCE(max(i.stock_level) FILTER (WHERE i.store_id = 8), 0) AS online
FROM retail.products p
JOIN retail.categories c ON c.category_id = p.category_id
LEFT JOIN retail.inventory i ON i.product_id = p.product_id
WHERE c.category_name = 'HAND TOOLS'
GROUP BY p.product_id, p.sku, p.product_name
ORDER BY p.sku

-- name: embedding-coverage-by-category
SELECT c.category_name,
       count(p.product_id) AS products,
       count(e.product_id) AS with_embedding,
       count(p.product_id) - count(e.product_id) AS missing_embedding,
       string_agg(DISTINCT e.model, ', ' ORDER BY e.model) AS models
FROM retail.products p
JOIN retail.categories c ON c.category_id = p.category_id
LEFT JOIN retail.product_description_embeddings e ON e.product_id = p.product_id
GROUP BY c.category_name
ORDER BY c.category_name

-- name: new-customers-per-signup-year-and-store
SELECT extract(year FROM cu.created_at AT TIME ZONE 'UTC')::int AS signup_year,
       s.store_name,
       count(*) AS new_customers
FROM retail.customers cu
JOIN retail.stores s ON s.store_id = cu.primary_store_id
GROUP BY 1, 2
ORDER BY 1, 2

-- name: basket-size-distribution
WITH baskets AS (
    SELECT oi.order_id, count(*) AS lines, sum(oi.quantity) AS units
    FROM retail.order_items oi
    GROUP BY oi.order_id
)
SELECT lines AS lines_per_order,
       count(*) AS orders,
       round(avg(units), 2) AS avg_units
FROM baskets
GROUP BY lines
ORDER BY lines

-- name: selling-price-versus-list-price
SELECT c.category_name,
       count(*) AS line_items,
       count(*) FILTER (WHERE oi.unit_price > p.base_price) AS sold_above_list,
       count(*) FILTER (WHERE oi.unit_price < p.base_price) AS sold_below_list,
       max(greatest(oi.unit_price - p.base_price, 0)) AS largest_markup,
       min(least(oi.unit_price - p.base_price, 0)) AS largest_markdown
FROM retail.order_items oi
JOIN retail.products p ON p.product_id = oi.product_id
JOIN retail.categories c ON c.category_id = p.category_id
GROUP BY c.category_name
ORDER BY c.category_name

-- name: product-labels-with-format
SELECT format('%s (%s) - $%s', p.product_name, p.sku, p.base_price) AS label,
       CAST(p.base_price AS integer) AS whole_dollars,
       p.cost::text AS cost_text
FROM retail.products p
JOIN retail.categories c ON c.category_id = p.category_id
WHERE c.category_name = 'STORAGE & ORGANIZATION'
ORDER BY p.sku
LIMIT 10

-- name: year-over-year-revenue-by-store
SELECT s.store_name,
       sum(oi.total_amount) FILTER (WHERE o.order_date >= DATE '2024-01-01' AND o.order_date < DATE '2025-01-01') AS revenue_2024,
       sum(oi.total_amount) FILTER (WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01') AS revenue_2025,
       round(100 * (sum(oi.total_amount) FILTER (WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01')
                    / NULLIF(sum(oi.total_amount) FILTER (WHERE o.order_date >= DATE '2024-01-01' AND o.order_date < DATE '2025-01-01'), 0) - 1), 1) AS growth_pct
FROM retail.orders o
JOIN retail.order_items oi ON oi.order_id = o.order_id
JOIN retail.stores s ON s.store_id = o.store_id
WHERE o.order_date >= DATE '2024-01-01' AND o.order_date < DATE '2026-01-01'
GROUP BY s.store_name
ORDER BY s.store_name;

-- name: product-types-per-category
SELECT c.category_name,
       count(pt.type_id) AS types,
       string_agg(pt.type_name, '; ' ORDER BY pt.type_name) AS type_names
FROM retail.categories c
LEFT JOIN retail.product_types pt ON pt.category_id = c.category_id
GROUP BY c.category_name
ORDER BY c.category_name

-- name: paint-buyers-who-never-bought-electrical-2025
SELECT s.store_name,
       count(*) AS customers
FROM retail.customers cu
JOIN retail.stores s ON s.store_id = cu.primary_store_id
WHERE EXISTS (
        SELECT 1
        FROM retail.orders o
        JOIN retail.order_items oi ON oi.order_id = o.order_id
        JOIN retail.products p ON p.product_id = oi.product_id
        JOIN retail.categories c ON c.category_id = p.category_id
        WHERE o.customer_id = cu.customer_id
          AND c.category_name = 'PAINT & FINISHES'
          AND o.order_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31')
  AND NOT EXISTS (
        SELECT 1
        FROM retail.orders o
        JOIN retail.order_items oi ON oi.order_id = o.order_id
        JOIN retail.products p ON p.product_id = oi.product_id
        JOIN retail.categories c ON c.category_id = p.category_id
        WHERE o.customer_id = cu.customer_id
          AND c.category_name = 'ELECTRICAL'
          AND o.order_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31')
GROUP BY s.store_name
ORDER BY s.store_name

-- name: share-of-orders-with-a-discount-per-store
SELECT s.store_name,
       count(DISTINCT oi.order_id) AS orders,
       count(DISTINCT oi.order_id) FILTER (WHERE oi.discount_percent > 0) AS discounted_orders,
       round(100.0 * count(DISTINCT oi.order_id) FILTER (WHERE oi.discount_percent > 0)
             / NULLIF(count(DISTINCT oi.order_id), 0), 1) AS discounted_pct
FROM retail.order_items oi
JOIN retail.stores s ON s.store_id = oi.store_id
GROUP BY s.store_name
ORDER BY s.store_name

-- name: busiest-day-per-store-2025
WITH daily AS (
    SELECT o.store_id, o.order_date, count(*) AS orders
    FROM retail.orders o
    WHERE o.order_date >= DATE '2025-01-01' AND o.order_date < DATE '2026-01-01'
    GROUP BY o.store_id, o.order_date
)
SELECT s.store_name,
       b.order_date,
       to_char(b.order_date, 'YYYY-MM-DD') AS day_text,
       b.orders
FROM retail.stores s
JOIN LATERAL (
    SELECT d.order_date, d.orders
    FROM daily d
    WHERE d.store_id = s.store_id
    ORDER BY d.orders DESC, d.order_date
    LIMIT 1
) b ON true
ORDER BY s.store_name

-- name: quantity-histogram-with-generate-series
SELECT q.quantity,
       count(oi.order_item_id) AS line_items
FROM generate_series(1, 10) AS q(quantity)
LEFT JOIN retail.order_items oi ON oi.quantity = q.quantity
GROUP BY q.quantity
ORDER BY q.quantity

-- name: store-summary-scalar-subqueries
SELECT s.store_id,
       s.store_name,
       (SELECT count(*) FROM retail.customers cu WHERE cu.primary_store_id = s.store_id) AS home_customers,
       (SELECT count(*) FROM retail.inventory i WHERE i.store_id = s.store_id AND i.stock_level = 0) AS out_of_stock_products,
       (SELECT max(o.order_date) FROM retail.orders o WHERE o.store_id = s.store_id) AS last_order_date
FROM retail.stores s
ORDER BY s.store_id

-- name: long-product-names-case-insensitive-regex
SELECT p.sku,
       substring(p.product_name FROM 1 FOR 30) AS short_name,
       length(p.product_name) AS name_length
FROM retail.products p
WHERE p.product_name ~* '\m(steel|copper|brass)\M'
  AND p.product_name !~ '^[0-9]'
ORDER BY name_length DESC, p.sku
LIMIT 15
