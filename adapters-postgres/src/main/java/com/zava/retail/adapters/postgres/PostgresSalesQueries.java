package com.zava.retail.adapters.postgres;

import com.zava.retail.application.port.out.SalesQueries;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryFailedException;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.RejectedException;
import com.zava.retail.domain.SqlText;
import com.zava.retail.domain.UnavailableException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a manager's own query: guarded, in a READ ONLY transaction under their row-level security,
 * streamed with a fetch size (a cursor, so a huge result never sits in memory) and cut at the row
 * and byte caps.
 */
final class PostgresSalesQueries implements SalesQueries {

    private final ManagerTransactions transactions;
    private final SalesQueryProperties limits;

    PostgresSalesQueries(ManagerTransactions transactions, SalesQueryProperties limits) {
        this.transactions = transactions;
        this.limits = limits;
    }

    @Override
    public QueryResult run(ManagerId caller, SqlText sql) {
        SqlGuard.check(sql);
        try {
            return transactions.readOnly(caller, limits.statementTimeout(), connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.setFetchSize(limits.fetchSize());
                    statement.setMaxFieldSize(0);
                    try (ResultSet rs = statement.executeQuery(sql.value())) {
                        return read(rs);
                    }
                }
            });
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columnCount = meta.getColumnCount();
        List<String> columns = new ArrayList<>(columnCount);
        for (int c = 1; c <= columnCount; c++) {
            columns.add(meta.getColumnLabel(c));
        }
        List<List<Object>> rows = new ArrayList<>();
        long bytes = 0;
        while (rs.next()) {
            if (rows.size() >= limits.rowCap()) {
                return new QueryResult(columns, rows, Optional.of("row cap of " + limits.rowCap()
                        + " rows reached; aggregate or add LIMIT/WHERE to see the rest"));
            }
            List<Object> row = new ArrayList<>(columnCount);
            long rowBytes = 0;
            for (int c = 1; c <= columnCount; c++) {
                Object value = jsonValue(rs.getObject(c));
                rowBytes += estimatedBytes(value);
                row.add(value);
            }
            if (bytes + rowBytes > limits.byteCap()) {
                return new QueryResult(columns, rows, Optional.of("size cap of " + limits.byteCap()
                        + " bytes reached after " + rows.size() + " rows; select fewer or shorter columns"));
            }
            bytes += rowBytes;
            rows.add(row);
        }
        return QueryResult.complete(columns, rows);
    }

    /** Values as JSON understands them: numbers, booleans, null, or text. */
    static Object jsonValue(Object value) throws SQLException {
        if (value == null || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? d : Double.toString(d);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof PGobject object) {
            return object.getValue();
        }
        if (value instanceof Array array) {
            return String.valueOf(array);
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        return value.toString();
    }

    private static long estimatedBytes(Object value) {
        return value == null ? 4 : value instanceof String s ? s.length() + 2L : value.toString().length();
    }

    /** Database errors the caller can act on become domain errors; others mean the database is away. */
    static RuntimeException translate(SQLException e) {
        if (ManagerTransactions.isConnectionFailure(e)) {
            return new UnavailableException(DatabaseGate.UNREACHABLE);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = serverMessage(e);
        return switch (state) {
            case "57014" -> new QueryFailedException("The query was cancelled because it ran longer than the statement "
                    + "timeout. Filter to a shorter period or aggregate before returning rows.");
            case "42501" -> new RejectedException("Permission denied: " + message + ". This tool can only read the "
                    + "retail tables; call get_multiple_table_schemas to see them.");
            case "25006" -> new RejectedException("Only read-only queries are allowed: " + message + ".");
            default -> new QueryFailedException(message + hint(e));
        };
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            String text = server.getMessage();
            return server.getPosition() > 0 ? text + " (at character " + server.getPosition() + ")" : text;
        }
        return String.valueOf(e.getMessage());
    }

    private static String hint(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getHint() != null) {
            return ". Hint: " + psql.getServerErrorMessage().getHint();
        }
        return "";
    }
}
