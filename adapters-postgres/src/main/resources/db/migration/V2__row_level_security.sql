-- Row-level security: a manager sees only their store's orders, order items, inventory and
-- customers; the all-zero manager id (head office) sees every store.
--
-- The caller is named by the transaction-local setting zava.manager_id, which the server sets with
-- SET LOCAL inside every transaction. Fail-closed: no setting, an empty one, a malformed one or an
-- unknown id all give an empty set of stores.
--
-- Policies compare store_id with (SELECT retail.visible_store_ids())::integer[]: the scalar subquery
-- (cast, so ANY takes it as an array rather than a subquery) becomes
-- an InitPlan, so the set of visible stores is computed once per query, not once per row.

CREATE FUNCTION retail.visible_store_ids() RETURNS integer[]
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT COALESCE(array_agg(s.store_id ORDER BY s.store_id), '{}')
      FROM retail.stores s
     WHERE current_setting('zava.manager_id', true) = '00000000-0000-0000-0000-000000000000'
        OR s.rls_user_id::text = current_setting('zava.manager_id', true)
$$;
COMMENT ON FUNCTION retail.visible_store_ids() IS
    'Store ids the current manager (SET LOCAL zava.manager_id) may see; empty when unset or unknown';

ALTER TABLE retail.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_by_store ON retail.orders FOR SELECT
    USING (store_id = ANY ((SELECT retail.visible_store_ids())::integer[]));

ALTER TABLE retail.order_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_items_by_store ON retail.order_items FOR SELECT
    USING (store_id = ANY ((SELECT retail.visible_store_ids())::integer[]));

ALTER TABLE retail.inventory ENABLE ROW LEVEL SECURITY;
CREATE POLICY inventory_by_store ON retail.inventory FOR SELECT
    USING (store_id = ANY ((SELECT retail.visible_store_ids())::integer[]));

-- A customer belongs to a store through their primary store or through any order placed there.
-- The IN subquery over orders (itself filtered by the orders policy) is hashed once per query.
ALTER TABLE retail.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY customers_by_store ON retail.customers FOR SELECT
    USING (primary_store_id = ANY ((SELECT retail.visible_store_ids())::integer[])
           OR customer_id IN (SELECT o.customer_id
                                FROM retail.orders o
                               WHERE o.store_id = ANY ((SELECT retail.visible_store_ids())::integer[])));
