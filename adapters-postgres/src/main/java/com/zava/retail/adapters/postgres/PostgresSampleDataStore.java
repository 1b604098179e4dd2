package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.SampleDataStore;
import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.sampledata.Rows;
import com.zava.retail.application.sampledata.SampleDataSet;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the sample data set with COPY in a single transaction, as the owner role (the runtime role
 * cannot write). TRUNCATE, every COPY, the identity resets and ANALYZE either all commit or all
 * roll back, so a failure leaves the previous data in place.
 *
 * <p>Foreign keys are dropped for the load and added back before commit: validating each key once
 * over the finished tables is much faster than checking 400,000 rows one by one, and the re-added
 * keys still reject a broken data set before it becomes visible.
 */
final class PostgresSampleDataStore implements SampleDataStore {

    /** Tables in load order (parents first). */
    private static final List<String> TABLES = List.of("stores", "categories", "product_types", "products",
            "customers", "orders", "order_items", "inventory", "product_description_embeddings");

    private static final int PROGRESS_EVERY = 20_000;

    private final DataSource ownerDataSource;

    PostgresSampleDataStore(DataSource ownerDataSource) {
        this.ownerDataSource = ownerDataSource;
    }

    @Override
    public boolean hasData() {
        try (Connection connection = ownerDataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM retail.stores)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check for existing sample data: " + e.getMessage(), e);
        }
    }

    @Override
    public void replaceAll(SampleDataSet data, SeedProgress progress) {
        try (Connection connection = ownerDataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                load(connection, data, progress);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the sample data failed and was rolled back: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("Loading the sample data failed and was rolled back: " + e.getMessage(), e);
        }
    }

    private void load(Connection connection, SampleDataSet data, SeedProgress progress) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<ForeignKeys.Definition> foreignKeys;
        try (Statement statement = connection.createStatement()) {
            // Other sessions keep reading the old rows until commit; writers wait.
            statement.execute("LOCK TABLE " + qualified(TABLES) + " IN EXCLUSIVE MODE");
            foreignKeys = ForeignKeys.of(connection, "retail");
            progress.begin("Clearing existing data", 0);
            ForeignKeys.drop(statement, foreignKeys);
            statement.execute("TRUNCATE " + qualified(TABLES));
            progress.end();
        }
        copyRows(copy, "stores", "store_id, store_name, rls_user_id, is_online", data.stores(), progress,
                (w, s) -> w.number(s.storeId()).text(s.storeName()).literal(s.rlsUserId().asText()).bool(s.online()));
        copyRows(copy, "categories", "category_id, category_name", data.categories(), progress,
                (w, c) -> w.number(c.categoryId()).text(c.categoryName()));
        copyRows(copy, "product_types", "type_id, category_id, type_name", data.productTypes(), progress,
                (w, t) -> w.number(t.typeId()).number(t.categoryId()).text(t.typeName()));
        copyRows(copy, "products", "product_id, sku, product_name, category_id, type_id, cost, base_price, "
                + "gross_margin_percent, product_description", data.products(), progress,
                (w, p) -> w.number(p.productId()).text(p.sku()).text(p.productName()).number(p.categoryId())
                        .number(p.typeId()).hundredths(p.costCents()).hundredths(p.basePriceCents())
                        .hundredths(p.grossMarginBasisPoints()).text(p.productDescription()));
        copyRows(copy, "customers", "customer_id, first_name, last_name, email, phone, primary_store_id, created_at",
                data.customers(), progress,
                (w, c) -> w.number(c.customerId()).text(c.firstName()).text(c.lastName()).text(c.email())
                        .text(c.phone()).number(c.primaryStoreId()).literal(c.createdAt()));
        copyRows(copy, "orders", "order_id, customer_id, store_id, order_date", data.orders(), progress,
                (w, o) -> w.number(o.orderId()).number(o.customerId()).number(o.storeId()).literal(o.orderDate()));
        copyRows(copy, "order_items", "order_item_id, order_id, store_id, product_id, quantity, unit_price, "
                + "discount_percent, discount_amount, total_amount", data.orderItems(), progress,
                (w, i) -> w.number(i.orderItemId()).number(i.orderId()).number(i.storeId()).number(i.productId())
                        .number(i.quantity()).hundredths(i.unitPriceCents()).number(i.discountPercent())
                        .hundredths(i.discountAmountCents()).hundredths(i.totalAmountCents()));
        copyRows(copy, "inventory", "store_id, product_id, stock_level", data.inventory(), progress,
                (w, i) -> w.number(i.storeId()).number(i.productId()).number(i.stockLevel()));
        copyRows(copy, "product_description_embeddings", "product_id, model, description_embedding, created_at",
                data.embeddings(), progress,
                (w, e) -> w.number(e.productId()).text(e.model()).vector(e.descriptionEmbedding()).literal(e.createdAt()));
        try (Statement statement = connection.createStatement()) {
            progress.begin("Checking foreign keys", foreignKeys.size());
            ForeignKeys.restore(statement, foreignKeys, progress);
            progress.end();
            progress.begin("Resetting id sequences and updating planner statistics", TABLES.size());
            resetIdentities(statement);
            int done = 0;
            for (String table : TABLES) {
                statement.execute("ANALYZE retail." + table);
                progress.advance(++done);
            }
            progress.end();
        }
    }

    private static <T> void copyRows(CopyManager copy, String table, String columns, List<T> rows,
            SeedProgress progress, BiConsumer<CopyRowWriter, T> writeRow) throws SQLException {
        progress.begin("Loading " + table, rows.size());
        CopyRowWriter writer = new CopyRowWriter(copy.copyIn("COPY retail." + table + " (" + columns + ") FROM STDIN"));
        long written = 0;
        for (T row : rows) {
            writeRow.accept(writer, row);
            writer.endRow();
            if (++written % PROGRESS_EVERY == 0) {
                progress.advance(written);
            }
        }
        long counted = writer.finish();
        if (counted != rows.size()) {
            throw new IllegalStateException("COPY into " + table + " stored " + counted + " of " + rows.size() + " rows");
        }
        progress.advance(written);
        progress.end();
    }

    /** Identity columns continue after the loaded ids, so later inserts by an operator do not collide. */
    private static void resetIdentities(Statement statement) throws SQLException {
        String[][] identities = {{"stores", "store_id"}, {"categories", "category_id"}, {"product_types", "type_id"},
            {"products", "product_id"}, {"customers", "customer_id"}, {"orders", "order_id"},
            {"order_items", "order_item_id"}};
        for (String[] identity : identities) {
            statement.execute("SELECT setval(pg_get_serial_sequence('retail." + identity[0] + "', '" + identity[1]
                    + "'), COALESCE((SELECT max(" + identity[1] + ") FROM retail." + identity[0] + "), 0) + 1, false)");
        }
    }

    private static String qualified(List<String> tables) {
        return String.join(", ", tables.stream().map(t -> "retail." + t).toList());
    }
}
