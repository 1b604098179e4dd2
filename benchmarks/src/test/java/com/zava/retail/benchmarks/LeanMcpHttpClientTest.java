package com.zava.retail.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lean client reads HTTP/1.1 by hand; a misread answer would be counted as a success or an error wrongly. */
class LeanMcpHttpClientTest {

    private static final ApiKeys.ApiKey KEY = new ApiKeys.ApiKey("k1", "secret-1");

    @Test
    void joinsTheChunksOfAnEventStreamAndKeepsTheConnection() throws IOException {
        LeanMcpHttpClient.Response response = LeanMcpHttpClient.read(answer("HTTP/1.1 200 \r\n"
                + "Content-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\nmcp-session-id: abc-1\r\n\r\n"
                + "6;ext=1\r\nevent:\r\n" + "12\r\n message\ndata: {}\n\r\n" + "0\r\nTrailer: x\r\n\r\n"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("event: message\ndata: {}\n");
        assertThat(response.sessionId()).contains("abc-1");
        assertThat(response.closes()).isFalse();
    }

    @Test
    void readsExactlyContentLengthBytesAndSeesConnectionClose() throws IOException {
        InputStream in = answer("HTTP/1.1 202 Accepted\r\nContent-Length: 4\r\nConnection: close\r\n\r\nok!!next");

        LeanMcpHttpClient.Response response = LeanMcpHttpClient.read(in);

        assertThat(response.body()).isEqualTo("ok!!");
        assertThat(response.closes()).isTrue();
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("next");
    }

    @Test
    void aBodyCutShortIsAnErrorNotAShortAnswer() {
        assertThatThrownBy(() -> LeanMcpHttpClient.read(answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")))
                .isInstanceOf(EOFException.class).hasMessageContaining("5 of 10");
        assertThatThrownBy(() -> LeanMcpHttpClient.read(answer(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly six\r\n")))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> LeanMcpHttpClient.read(answer("HTTP/1.1 200 OK\r\nContent-")))
                .isInstanceOf(EOFException.class).hasMessageContaining("closed mid-answer");
    }

    @Test
    void refusesWhatIsNotAnHttp11Answer() {
        assertThatThrownBy(() -> LeanMcpHttpClient.read(answer("SSH-2.0-OpenSSH\r\n\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("not an HTTP/1.1 status line");
        assertThatThrownBy(() -> LeanMcpHttpClient.read(answer("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(9000)
                + "\r\n\r\n"))).isInstanceOf(IOException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> LeanMcpHttpClient.read(answer("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed header line");
    }

    /**
     * Against the JDK's own HTTP server: the handshake's headers and bodies arrive as sent, later
     * requests carry the session, and a connection the server closes is replaced, not reused.
     */
    @Test
    void speaksToARealHttpServerAcrossAClosedConnection() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " | "
                    + exchange.getRequestHeaders().getFirst("Mcp-Session-Id") + " | " + body);
            int n = requests.incrementAndGet();
            if (n == 2) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            exchange.getResponseHeaders().add("Mcp-Session-Id", "s-7");
            byte[] answer = (n == 1 ? "{\"result\":{\"protocolVersion\":\"2025-11-25\"}}"
                    : "{\"result\":{\"isError\":false}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(n == 2 ? 202 : 200, n == 3 ? 0 : answer.length); // 0: chunked
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try (LeanMcpHttpClient client = LeanMcpHttpClient.connect(server.getAddress().getPort(), KEY)) {
            assertThat(client.callTool("get_current_utc_date")).isTrue();
        } finally {
            server.stop(0);
        }

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).startsWith("Bearer secret-1 | null | {\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\"");
        assertThat(seen.get(1)).isEqualTo("Bearer secret-1 | s-7 | {\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(seen.get(2)).isEqualTo("Bearer secret-1 | s-7 | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"get_current_utc_date\",\"arguments\":{}}}");
    }

    private static InputStream answer(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
