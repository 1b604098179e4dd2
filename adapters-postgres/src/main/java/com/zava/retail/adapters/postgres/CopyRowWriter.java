package com.zava.retail.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's COPY text format into a {@link CopyIn}, buffering so the driver
 * sees large writes. Strings are escaped as the format requires; everything else is written in a
 * locale-independent form.
 */
final class CopyRowWriter {

    private static final int FLUSH_AT = 256 * 1024;

    private final CopyIn copyIn;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstColumn = true;

    CopyRowWriter(CopyIn copyIn) {
        this.copyIn = copyIn;
    }

    CopyRowWriter text(String value) {
        separator();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    CopyRowWriter number(long value) {
        separator();
        buffer.append(value);
        return this;
    }

    /** Money or percentages held as hundredths: 1234 is written as 12.34. */
    CopyRowWriter hundredths(long value) {
        separator();
        if (value < 0) {
            buffer.append('-');
            value = -value;
        }
        buffer.append(value / 100).append('.');
        long fraction = value % 100;
        if (fraction < 10) {
            buffer.append('0');
        }
        buffer.append(fraction);
        return this;
    }

    CopyRowWriter bool(boolean value) {
        separator();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    /** A pgvector literal; Float.toString gives the shortest text that reads back to the same float. */
    CopyRowWriter vector(float[] values) {
        separator();
        buffer.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            buffer.append(Float.toString(values[i]));
        }
        buffer.append(']');
        return this;
    }

    /** Any value whose {@code toString} is already a valid PostgreSQL literal (dates, UUIDs, instants). */
    CopyRowWriter literal(Object value) {
        return text(value.toString());
    }

    void endRow() {
        buffer.append('\n');
        firstColumn = true;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and finishes the COPY; returns the rows the server counted. */
    long finish() throws SQLException {
        flush();
        return copyIn.endCopy();
    }

    private void separator() {
        if (!firstColumn) {
            buffer.append('\t');
        }
        firstColumn = false;
    }

    private void flush() {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copyIn.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("COPY write failed: " + e.getMessage(), e));
        }
        buffer.setLength(0);
    }
}
