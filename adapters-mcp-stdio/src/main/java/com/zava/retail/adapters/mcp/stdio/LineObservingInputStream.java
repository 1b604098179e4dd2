package com.zava.retail.adapters.mcp.stdio;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Passes bytes through unchanged and reports each complete line read, and the end of the stream. */
final class LineObservingInputStream extends FilterInputStream {

    /** Lines longer than this are not reported (the transport rejects them anyway). */
    private static final int MAX_OBSERVED_LINE = 16 * 1024 * 1024;

    private final Consumer<String> onLine;
    private final Runnable onEnd;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean ended;

    LineObservingInputStream(InputStream in, Consumer<String> onLine, Runnable onEnd) {
        super(in);
        this.onLine = onLine;
        this.onEnd = onEnd;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            observe((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            observe(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        end();
        super.close();
    }

    private void observe(byte b) {
        if (b == '\n') {
            onLine.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else if (line.size() < MAX_OBSERVED_LINE) {
            line.write(b);
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            if (line.size() > 0) {
                onLine.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
            onEnd.run();
        }
    }
}
