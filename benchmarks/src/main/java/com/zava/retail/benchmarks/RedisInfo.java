package com.zava.retail.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The Redis server's version, asked over a plain socket with {@code INFO server}, so the harness
 * needs neither a Redis client library nor {@code redis-cli}.
 */
final class RedisInfo {

    private RedisInfo() {
    }

    /**
     * @param redisUrl the servers' {@code SPRING_DATA_REDIS_URL}, or null for their default
     *                 (127.0.0.1:6379)
     * @return e.g. {@code 7.0.15}, or a short reason why it is not known
     */
    static String version(String redisUrl) {
        if (redisUrl == null || redisUrl.isBlank()) {
            return version("127.0.0.1", 6379);
        }
        java.net.URI uri = java.net.URI.create(redisUrl);
        if (uri.getUserInfo() != null || "rediss".equals(uri.getScheme())) {
            return "not asked (" + uri.getScheme() + " with credentials or TLS)";
        }
        return version(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379);
    }

    static String version(String host, int port) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String header = in.readLine();
            if (header == null || !header.startsWith("$")) {
                return "unknown (" + header + ")";
            }
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.startsWith("redis_version:")) {
                    return line.substring("redis_version:".length()).strip();
                }
            }
            return "unknown";
        } catch (IOException e) {
            return "not reachable on " + host + ":" + port + " (" + e.getMessage() + ")";
        }
    }
}
