package com.zava.retail.adapters.embeddings;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Moves one initializer (a weight tensor) of an ONNX model out into a file of its own, as ONNX's
 * external-data format allows, so that ONNX Runtime maps that file into memory instead of copying
 * the tensor into memory of its own.
 *
 * <p>Why: all-MiniLM-L6-v2's word-embedding table is 47 MB of its 90 MB, one row of 384 floats for
 * each of the 30,522 tokens of its vocabulary, and a search phrase reads a handful of rows. Copied,
 * the whole table is resident for the life of the process; mapped, only the pages of rows that
 * searches have used are, and the kernel can drop even those under memory pressure. The other
 * weights are read in full on every embedding, so there is nothing to gain for them.
 *
 * <p>The model file is an ONNX {@code ModelProto} in protocol-buffer encoding. Only the few fields
 * on the way to the tensor are read, through a small window, and the large ranges are copied file to
 * file: nothing of the model passes through the Java heap. The rewritten model is the original with
 * the tensor's {@code raw_data} replaced by {@code external_data} entries (location, offset, length)
 * and {@code data_location = EXTERNAL}; every other byte is copied unchanged.
 */
final class OnnxExternalData {

    // Field numbers of onnx.proto (ModelProto.graph, GraphProto.initializer, TensorProto.*).
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;
    private static final int DATA_LOCATION_EXTERNAL = 1;

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private OnnxExternalData() {
    }

    /**
     * Writes {@code rewrittenModel} and {@code dataFile} (in the same directory, as ONNX Runtime
     * requires) so that the initializer {@code name} is read from {@code dataFile}.
     *
     * @return false, with nothing written, when the model does not hold that initializer as one
     *     block of raw bytes (a different export of the model, say); the original model is then to
     *     be loaded as it is
     * @throws IOException when a file cannot be read or written, or the model is not valid protobuf
     */
    static boolean moveOut(Path model, String name, Path rewrittenModel, Path dataFile) throws IOException {
        if (!rewrittenModel.toAbsolutePath().getParent().equals(dataFile.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("the data file must sit next to the rewritten model");
        }
        try (FileChannel in = FileChannel.open(model, StandardOpenOption.READ)) {
            Located found = locate(new Cursor(in), name);
            if (found == null) {
                return false;
            }
            try (FileChannel data = create(dataFile)) {
                copy(in, found.rawData().contentStart(), found.rawData().length(), data);
            }
            byte[] tensor = externalTensor(in, found, dataFile.getFileName().toString());
            ByteArrayOutputStream tensorField = new ByteArrayOutputStream();
            writeLengthDelimited(tensorField, GRAPH_INITIALIZER, tensor);
            long graphLength = found.graph().length() - found.tensor().fieldLength() + tensorField.size();
            ByteArrayOutputStream graphHeader = new ByteArrayOutputStream();
            writeVarint(graphHeader, tag(MODEL_GRAPH, LENGTH_DELIMITED));
            writeVarint(graphHeader, graphLength);
            try (FileChannel out = create(rewrittenModel)) {
                copy(in, 0, found.graph().fieldStart(), out);
                write(out, graphHeader.toByteArray());
                copy(in, found.graph().contentStart(), found.tensor().fieldStart() - found.graph().contentStart(), out);
                write(out, tensorField.toByteArray());
                copy(in, found.tensor().end(), in.size() - found.tensor().end(), out);
            }
            return true;
        }
    }

    /** Where one length-delimited field lies: its tag, its content, its end. */
    private record Field(long fieldStart, long contentStart, long length) {
        long end() {
            return contentStart + length;
        }

        long fieldLength() {
            return end() - fieldStart;
        }
    }

    private record Located(Field graph, Field tensor, Field rawData) {
    }

    /** Finds the graph and, in it, the initializer {@code name} with its raw data; null if absent. */
    private static Located locate(Cursor cursor, String name) throws IOException {
        Field graph = null;
        while (cursor.position() < cursor.size()) {
            long fieldStart = cursor.position();
            long tag = cursor.varint();
            if (tag == tag(MODEL_GRAPH, LENGTH_DELIMITED)) {
                if (graph != null) {
                    return null; // two graph fields merge in protobuf; not a layout worth handling
                }
                long length = cursor.length();
                graph = new Field(fieldStart, cursor.position(), length);
                cursor.seek(graph.end());
            } else {
                cursor.skip(tag);
            }
        }
        if (graph == null) {
            return null;
        }
        cursor.seek(graph.contentStart());
        while (cursor.position() < graph.end()) {
            long fieldStart = cursor.position();
            long tag = cursor.varint();
            if (tag != tag(GRAPH_INITIALIZER, LENGTH_DELIMITED)) {
                cursor.skip(tag);
                continue;
            }
            long length = cursor.length();
            Field tensor = new Field(fieldStart, cursor.position(), length);
            Located located = inTensor(cursor, graph, tensor, name);
            if (located != null) {
                return located;
            }
            cursor.seek(tensor.end());
        }
        return null;
    }

    private static Located inTensor(Cursor cursor, Field graph, Field tensor, String name) throws IOException {
        String tensorName = null;
        Field rawData = null;
        boolean external = false;
        while (cursor.position() < tensor.end()) {
            long fieldStart = cursor.position();
            long tag = cursor.varint();
            if (tag == tag(TENSOR_NAME, LENGTH_DELIMITED)) {
                tensorName = new String(cursor.bytes(cursor.length()), StandardCharsets.UTF_8);
            } else if (tag == tag(TENSOR_RAW_DATA, LENGTH_DELIMITED)) {
                long length = cursor.length();
                rawData = new Field(fieldStart, cursor.position(), length);
                cursor.seek(rawData.end());
            } else {
                external |= tag >>> 3 == TENSOR_EXTERNAL_DATA || tag >>> 3 == TENSOR_DATA_LOCATION;
                cursor.skip(tag);
            }
        }
        if (!name.equals(tensorName) || rawData == null || external || cursor.position() != tensor.end()) {
            return null;
        }
        return new Located(graph, tensor, rawData);
    }

    /** The tensor's fields except its raw data, then where ONNX Runtime finds that data instead. */
    private static byte[] externalTensor(FileChannel in, Located found, String dataFileName) throws IOException {
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        Field whole = found.tensor();
        Field rawData = found.rawData();
        tensor.writeBytes(read(in, whole.contentStart(), rawData.fieldStart() - whole.contentStart()));
        tensor.writeBytes(read(in, rawData.end(), whole.end() - rawData.end()));
        writeEntry(tensor, "location", dataFileName);
        writeEntry(tensor, "offset", "0");
        writeEntry(tensor, "length", Long.toString(rawData.length()));
        writeVarint(tensor, tag(TENSOR_DATA_LOCATION, VARINT));
        writeVarint(tensor, DATA_LOCATION_EXTERNAL);
        return tensor.toByteArray();
    }

    private static void writeEntry(ByteArrayOutputStream out, String key, String value) {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        writeLengthDelimited(entry, ENTRY_KEY, key.getBytes(StandardCharsets.UTF_8));
        writeLengthDelimited(entry, ENTRY_VALUE, value.getBytes(StandardCharsets.UTF_8));
        writeLengthDelimited(out, TENSOR_EXTERNAL_DATA, entry.toByteArray());
    }

    private static void writeLengthDelimited(ByteArrayOutputStream out, int field, byte[] content) {
        writeVarint(out, tag(field, LENGTH_DELIMITED));
        writeVarint(out, content.length);
        out.writeBytes(content);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long tag(int field, int wireType) {
        return ((long) field << 3) | wireType;
    }

    private static FileChannel create(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static void copy(FileChannel in, long from, long length, FileChannel out) throws IOException {
        long done = 0;
        while (done < length) {
            long moved = in.transferTo(from + done, length - done, out);
            if (moved <= 0) {
                throw new EOFException("the model file ended at byte " + (from + done));
            }
            done += moved;
        }
    }

    private static void write(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static byte[] read(FileChannel in, long from, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(length));
        while (buffer.hasRemaining()) {
            if (in.read(buffer, from + buffer.position()) < 0) {
                throw new EOFException("the model file ended at byte " + (from + buffer.position()));
            }
        }
        return buffer.array();
    }

    /**
     * Reads protobuf fields from a file through a small window, so skipping a 47 MB field is a
     * change of position, not a read. Every read is checked against the end of the file: a
     * truncated or foreign file is an {@link IOException}, never a read past the end.
     */
    private static final class Cursor {

        private static final int WINDOW = 8192;

        private final FileChannel file;
        private final long size;
        private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
        private long windowStart;
        private long position;

        Cursor(FileChannel file) throws IOException {
            this.file = file;
            this.size = file.size();
            this.window.limit(0);
        }

        long position() {
            return position;
        }

        long size() {
            return size;
        }

        void seek(long target) throws IOException {
            if (target < 0 || target > size) {
                throw new IOException("not an ONNX model: a field runs past the end of the file");
            }
            position = target;
        }

        long varint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int next = nextByte();
                value |= (long) (next & 0x7F) << shift;
                if (next < 0x80) {
                    return value;
                }
            }
            throw new IOException("not an ONNX model: a varint is longer than 10 bytes");
        }

        /**
         * The length of a length-delimited field whose tag was just read. A varint can say any
         * 64-bit number, negative ones included; a length that is negative or runs past the end of
         * the file would send the reader backwards (forever, at -11) or beyond the file.
         */
        long length() throws IOException {
            long length = varint();
            if (length < 0 || length > size - position) {
                throw new IOException("not an ONNX model: a field of " + length + " bytes at byte " + position
                        + " does not fit in the file");
            }
            return length;
        }

        byte[] bytes(long length) throws IOException {
            if (length > WINDOW) {
                throw new IOException("not an ONNX model: a name is " + length + " bytes long");
            }
            byte[] bytes = new byte[(int) length];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) nextByte();
            }
            return bytes;
        }

        /** Skips the value of a field whose tag was just read. */
        void skip(long tag) throws IOException {
            switch ((int) (tag & 7)) {
                case VARINT -> varint();
                case FIXED64 -> seek(position + 8);
                case LENGTH_DELIMITED -> {
                    long length = length();
                    seek(position + length);
                }
                case FIXED32 -> seek(position + 4);
                default -> throw new IOException("not an ONNX model: wire type " + (tag & 7) + " at byte " + position);
            }
        }

        private int nextByte() throws IOException {
            if (position >= size) {
                throw new IOException("not an ONNX model: the file ends inside a field");
            }
            if (position < windowStart || position >= windowStart + window.limit()) {
                window.clear();
                windowStart = position;
                while (window.hasRemaining() && file.read(window, windowStart + window.position()) > 0) {
                    // fill the window, or as much of it as the file has left
                }
                window.flip();
            }
            return window.get((int) (position++ - windowStart)) & 0xFF;
        }
    }
}
