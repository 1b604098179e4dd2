package com.zava.retail.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One server started with {@code serve} (Streamable HTTP) on a free port, as a child process. */
final class HttpServer implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final Process process;
    private final long startedNanos;
    private final int port;
    private final Path log;

    private HttpServer(Process process, long startedNanos, int port, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
    }

    /** @param sessionMode {@code stateful} or {@code stateless} */
    static HttpServer start(ServerSettings settings, String sessionMode, String logName) throws IOException {
        int port = freePort();
        Path log = settings.log(logName);
        ProcessBuilder builder = settings.processBuilder(log, "serve", "--transport", "http");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("ZAVA_HTTP_SESSION_MODE", sessionMode);
        long started = System.nanoTime();
        return new HttpServer(builder.start(), started, port, log);
    }

    /**
     * Polls {@code /ready} every 20 ms until it answers 200.
     *
     * @return the time from the process start to that answer
     */
    Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue()
                        + " before it was ready; its log " + log + " ends with:\n" + tail(log));
            }
            try {
                if (PROBE.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notListeningYet) {
                // the port opens late in start-up
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The server was not ready after " + timeout.toSeconds() + " s; its log " + log
                + " ends with:\n" + tail(log));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    long residentKib() {
        return ResidentMemory.kib(process.pid());
    }

    @Override
    public void close() {
        ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(20));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
