package com.zava.retail.bootstrap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forwarding proxy on loopback that adds {@code Authorization: Bearer <key>} to every request, for
 * HTTP clients that cannot send a credential themselves (the MCP conformance CLI has no header
 * option). It plays the part of a gateway in front of the server: the server keeps its default
 * api-key mode and checks a real key.
 *
 * <p>Everything else passes byte for byte, Host and Origin included (the DNS-rebinding scenario
 * depends on the server seeing them), and responses stream through unbuffered (SSE). Each
 * connection carries one request ({@code Connection: close} upstream), so no HTTP parsing beyond
 * the request head is needed.
 *
 * <p>On {@link #close()} it ends, with DELETE, the MCP sessions its clients used: a client that just
 * drops its connections (as the conformance suite's do) leaves their SSE streams open on the server
 * until the idle sweep, and Tomcat's graceful shutdown would wait for them when the tests end.
 */
final class ApiKeyProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final int targetPort;
    private final byte[] authorization;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** MCP session id to the path it was used on. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final String apiKey;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "api-key-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private ApiKeyProxy(int targetPort, String apiKey) throws IOException {
        this.targetPort = targetPort;
        this.apiKey = apiKey;
        this.authorization = ("Authorization: Bearer " + apiKey + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptConnections);
    }

    /** Listens on a free loopback port and forwards to the server on {@code targetPort}. */
    static ApiKeyProxy start(int targetPort, String apiKey) throws IOException {
        return new ApiKeyProxy(targetPort, apiKey);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> forward(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        sockets.add(client);
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            sockets.add(server);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(fromClient);
            if (head == null) {
                return;
            }
            OutputStream toServer = server.getOutputStream();
            toServer.write(rewrite(head));
            toServer.flush();
            // The rest of the request (its body) goes up while the response comes down.
            threads.execute(() -> pipe(fromClient, toServer, server));
            pipe(server.getInputStream(), client.getOutputStream(), client);
        } catch (IOException e) {
            // the client or the server went away; nothing to report
        } finally {
            sockets.removeIf(Socket::isClosed); // both of this connection's, closed above
        }
    }

    /** The request line and headers up to the blank line, or null when the client sent nothing. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head too large");
            }
        }
        return head.toByteArray();
    }

    /** Drops any Authorization and Connection headers the client sent and adds ours. */
    private byte[] rewrite(byte[] head) {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + authorization.length + 32);
        out.writeBytes((lines[0] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 1; i < lines.length; i++) {
            String[] header = lines[i].split(":", 2);
            String name = header[0].strip().toLowerCase(Locale.ROOT);
            String[] requestLine = lines[0].split(" ");
            if (name.equals("mcp-session-id") && header.length == 2 && requestLine.length == 3) {
                sessions.put(header[1].strip(), requestLine[1]);
            }
            if (!lines[i].isEmpty() && !name.equals("authorization") && !name.equals("connection")) {
                out.writeBytes((lines[i] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        out.writeBytes(authorization);
        out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static void pipe(InputStream in, OutputStream out, Socket target) {
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
            target.shutdownOutput();
        } catch (IOException e) {
            // one side closed; the other direction ends with it
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
        HttpClient http = HttpClient.newHttpClient();
        sessions.forEach((session, path) -> {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort + path)).DELETE()
                        .header("Authorization", "Bearer " + apiKey).header("mcp-session-id", session).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // the session is swept when idle anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
