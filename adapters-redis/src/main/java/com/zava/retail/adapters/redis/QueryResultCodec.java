package com.zava.retail.adapters.redis;

import com.zava.retail.domain.QueryResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A compact binary form of a cached query result, which also carries whose result it is and the
 * statement it answers, so a reader can check both. Values keep their exact type (a decimal stays
 * a decimal, a whole number a whole number), so a cached answer serialises exactly like a fresh one.
 */
final class QueryResultCodec {

    /** Bumped with any change of layout; older entries then read as misses. */
    private static final int FORMAT = 1;

    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int WHOLE = 2;
    private static final int DECIMAL = 3;
    private static final int DOUBLE = 4;
    private static final int TRUE = 5;
    private static final int FALSE = 6;

    /** What a cache entry holds. */
    record Entry(String manager, String sql, QueryResult result) {
    }

    private QueryResultCodec() {
    }

    static byte[] encode(Entry entry) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT);
            out.writeUTF(entry.manager());
            writeText(out, entry.sql());
            QueryResult result = entry.result();
            out.writeBoolean(result.truncation().isPresent());
            if (result.truncation().isPresent()) {
                writeText(out, result.truncation().get());
            }
            out.writeInt(result.columns().size());
            for (String column : result.columns()) {
                writeText(out, column);
            }
            out.writeInt(result.rows().size());
            for (List<Object> row : result.rows()) {
                for (Object value : row) {
                    writeValue(out, value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    /** The entry, or empty when the bytes are of another format or damaged. */
    static Optional<Entry> decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readUnsignedByte() != FORMAT) {
                return Optional.empty();
            }
            String manager = in.readUTF();
            String sql = readText(in);
            Optional<String> truncation = in.readBoolean() ? Optional.of(readText(in)) : Optional.empty();
            int columnCount = in.readInt();
            List<String> columns = new ArrayList<>(columnCount);
            for (int c = 0; c < columnCount; c++) {
                columns.add(readText(in));
            }
            int rowCount = in.readInt();
            List<List<Object>> rows = new ArrayList<>(rowCount);
            for (int r = 0; r < rowCount; r++) {
                List<Object> row = new ArrayList<>(columnCount);
                for (int c = 0; c < columnCount; c++) {
                    row.add(readValue(in));
                }
                rows.add(row);
            }
            if (in.available() != 0) {
                return Optional.empty();
            }
            return Optional.of(new Entry(manager, sql, new QueryResult(columns, rows, truncation)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(TEXT);
            writeText(out, text);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            out.writeByte(WHOLE);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            out.writeByte(DECIMAL);
            writeText(out, decimal.toString());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeByte(DOUBLE);
            out.writeDouble(((Number) value).doubleValue());
        } else if (value instanceof Boolean bool) {
            out.writeByte(bool ? TRUE : FALSE);
        } else {
            // The database adapter hands out only the types above; anything else is kept as text.
            out.writeByte(TEXT);
            writeText(out, value.toString());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        return switch (type) {
            case NULL -> null;
            case TEXT -> readText(in);
            case WHOLE -> in.readLong();
            case DECIMAL -> new BigDecimal(readText(in));
            case DOUBLE -> in.readDouble();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> throw new IOException("unknown value type " + type);
        };
    }

    /** Length-prefixed UTF-8: writeUTF stops at 64 KB, and a text column can be longer. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("damaged text length " + length);
        }
        return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }
}
