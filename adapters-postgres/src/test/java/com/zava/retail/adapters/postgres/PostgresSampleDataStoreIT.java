package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.out.SampleDataStore;
import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.service.SampleDataStoreContract;
import com.zava.retail.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The sample data contract against PostgreSQL, plus what only a database can show. */
class PostgresSampleDataStoreIT extends SampleDataStoreContract {

    /** The fake embedder of the contract makes 16-dimensional vectors. */
    private static final int FAKE_DIMENSIONS = 16;

    private PostgresTestDatabase database;

    @Override
    protected SampleDataStore emptyStore() {
        database = TestSchema.recreate(FAKE_DIMENSIONS);
        return new PostgresSampleDataStore(database.ownerDataSource());
    }

    @Override
    protected Object fingerprint(SampleDataStore store) {
        return TestSchema.checksums(database);
    }

    @Test
    void loadedRowsMatchTheDataSetAndForeignKeysAreBack() throws SQLException {
        SampleDataStore store = emptyStore();
        var data = smallDataSet(3);
        store.replaceAll(data, SeedProgress.SILENT);
        var counts = TestSchema.checksums(database);
        data.rowCounts().forEach((table, rows) -> assertThat(counts.get(table)).as(table).startsWith(rows + ":"));
        try (Connection connection = database.ownerDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'retail'::regnamespace")) {
                rs.next();
                assertThat(rs.getInt(1)).as("foreign keys of V1").isEqualTo(12);
            }
            // Money round-trips exactly and identities continue after the loaded ids.
            try (ResultSet rs = statement.executeQuery(
                    "SELECT bool_and(total_amount = quantity * unit_price - discount_amount) FROM retail.order_items")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            statement.execute("INSERT INTO retail.categories (category_name) VALUES ('NEW CATEGORY')");
        }
    }
}
