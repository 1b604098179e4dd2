package com.zava.retail.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The least a Streamable HTTP client can do: HTTP/1.1 written and read by hand on one kept-alive
 * socket, a fixed JSON-RPC body, and a success check on the raw answer. It still does what the
 * protocol asks ({@code initialize}, {@code notifications/initialized}, the session and protocol
 * version headers on every later request) and reads every answer to its end.
 *
 * <p>Why not the JDK's {@code HttpClient}: on two shared cores its selector thread and executor
 * hand-offs cost about 0.8 ms of CPU per call (measured with 32 clients), more than the server
 * spends on a {@code get_current_utc_date}. The harness's clients share the cores with the server,
 * so a heavy client lowers the throughput it reports as the server's. The MCP Java SDK client,
 * measured beside this one, shows what an application built on the SDK sees.
 */
final class LeanMcpHttpClient implements AutoCloseable {

    private static final Pattern PROTOCOL = Pattern.compile("\"protocolVersion\"\\s*:\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OK = Pattern.compile("\"isError\"\\s*:\\s*false");
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    /** Longer than any header line an HTTP server sends; a longer one means a broken answer. */
    private static final int MAX_LINE = 8_192;

    /** One HTTP answer: its status, the headers this client needs, and its body. */
    record Response(int status, Optional<String> sessionId, boolean closes, String body) {
    }

    private final int port;
    private final String fixedHeaders;
    private final AtomicLong ids = new AtomicLong();
    private String sessionHeaders = "";
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private LeanMcpHttpClient(int port, ApiKeys.ApiKey key) {
        this.port = port;
        this.fixedHeaders = "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\n"
                + "Authorization: Bearer " + key.secret() + "\r\n";
    }

    /** Opens a session: {@code initialize}, then {@code notifications/initialized}, as the protocol asks. */
    static LeanMcpHttpClient connect(int port, ApiKeys.ApiKey key) throws IOException {
        LeanMcpHttpClient client = new LeanMcpHttpClient(port, key);
        Response init = client.post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"zava-benchmarks-lean\",\"version\":\"1\"}}}");
        Matcher version = PROTOCOL.matcher(init.body());
        if (init.status() != 200 || !version.find()) {
            client.close();
            throw new IllegalStateException("initialize failed: HTTP " + init.status() + " " + init.body());
        }
        client.sessionHeaders = init.sessionId().map(id -> "Mcp-Session-Id: " + id + "\r\n").orElse("")
                + "MCP-Protocol-Version: " + version.group(1) + "\r\n";
        Response initialized = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        if (initialized.status() / 100 != 2) {
            client.close();
            throw new IllegalStateException("notifications/initialized failed: HTTP " + initialized.status());
        }
        return client;
    }

    /** Calls a tool without arguments; true when the answer is a result with {@code isError: false}. */
    boolean callTool(String name) throws IOException {
        return callTool(name, "{}");
    }

    /** Calls a tool with arguments given as a JSON object; true when the answer has {@code isError: false}. */
    boolean callTool(String name, String argumentsJson) throws IOException {
        Response response = post("{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet()
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + name + "\",\"arguments\":"
                + argumentsJson + "}}");
        return response.status() == 200 && OK.matcher(response.body()).find();
    }

    /** {@code text} as a JSON string literal. */
    static String jsonString(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that already failed
            }
            socket = null;
        }
    }

    private Response post(String body) throws IOException {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /mcp HTTP/1.1\r\n" + fixedHeaders + sessionHeaders + "Content-Length: " + payload.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + payload.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(payload, 0, request, head.length, payload.length);
        if (socket == null) {
            open();
        }
        try {
            out.write(request); // one write, one segment: no wait for an ACK between headers and body
            out.flush();
            Response response = read(in);
            if (response.closes()) {
                close(); // the server ends kept-alive connections (Tomcat: after 100 requests)
            }
            return response;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.setSoTimeout((int) McpConnections.REQUEST_TIMEOUT.toMillis());
            opened.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            in = new BufferedInputStream(opened.getInputStream(), 16_384);
            out = opened.getOutputStream();
            socket = opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    /** Reads one HTTP/1.1 answer: status line, headers, then a body of Content-Length or in chunks. */
    static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        String sessionId = null;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header line: " + header);
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("Mcp-Session-Id")) {
                sessionId = value;
            }
        }
        byte[] body;
        if (chunked) {
            body = chunks(in);
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("the body ended after " + body.length + " of " + length + " bytes");
            }
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else {
            body = in.readAllBytes(); // neither length nor chunks: the body ends with the connection
            closes = true;
        }
        return new Response(status, Optional.ofNullable(sessionId), closes, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailer fields: none this client needs
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("a chunk ended after " + chunk.length + " of " + size + " bytes");
            }
            body.writeBytes(chunk);
            if (!line(in).isEmpty()) {
                throw new IOException("a chunk did not end with CRLF");
            }
        }
    }

    /** One CRLF-terminated line, without the CRLF. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer" + (line.length() > 0 ? " after: " + line : ""));
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("an answer line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }
}
