package com.zava.retail.adapters.mcp.stdio;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Passes bytes through unchanged and reports each complete line once it has been flushed out. */
final class LineObservingOutputStream extends FilterOutputStream {

    private final Consumer<String> onLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final java.util.List<String> pending = new java.util.ArrayList<>();

    LineObservingOutputStream(OutputStream out, Consumer<String> onLine) {
        super(out);
        this.onLine = onLine;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
        observe((byte) b);
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        for (int i = 0; i < length; i++) {
            observe(buffer[offset + i]);
        }
    }

    @Override
    public void flush() throws IOException {
        java.util.List<String> flushed;
        synchronized (this) {
            out.flush();
            flushed = java.util.List.copyOf(pending);
            pending.clear();
        }
        flushed.forEach(onLine); // only now has the client had a chance to see them
    }

    private void observe(byte b) {
        if (b == '\n') {
            pending.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }
}
