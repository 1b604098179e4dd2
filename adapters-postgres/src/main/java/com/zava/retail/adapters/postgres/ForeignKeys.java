package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.SeedProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Drops and re-adds a schema's foreign keys around a bulk load, keeping their exact definitions. */
final class ForeignKeys {

    /** One foreign key as the catalogue describes it. */
    record Definition(String table, String name, String definition) {
    }

    private ForeignKeys() {
    }

    static List<Definition> of(Connection connection, String schema) throws SQLException {
        List<Definition> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                  FROM pg_constraint c
                 WHERE c.contype = 'f' AND c.connamespace = ?::regnamespace
                 ORDER BY c.conrelid::regclass::text, c.conname""")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return keys;
    }

    static void drop(Statement statement, List<Definition> keys) throws SQLException {
        for (Definition key : keys) {
            statement.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quote(key.name()));
        }
    }

    /** Re-adds every key; each ALTER validates its key over the whole table in one pass. */
    static void restore(Statement statement, List<Definition> keys, SeedProgress progress) throws SQLException {
        int done = 0;
        for (Definition key : keys) {
            statement.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + quote(key.name()) + " "
                    + key.definition());
            progress.advance(++done);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
