package com.zava.retail.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The test Redis. Local mode reads {@code ZAVA_TEST_REDIS_URL} (default
 * {@code redis://127.0.0.1:6379/15}: database 15, so tests never touch the data of {@code make run}).
 */
public final class RedisTestServer {

    private static final String IMAGE = "redis:7";

    private static RedisTestServer instance;

    private final URI url;

    private RedisTestServer(URI url) {
        this.url = url;
    }

    static synchronized RedisTestServer instance() {
        if (instance == null) {
            RedisTestServer candidate = TestServices.mode() == TestServices.Mode.LOCAL
                    ? new RedisTestServer(URI.create(TestServices.setting("ZAVA_TEST_REDIS_URL")
                            .orElse("redis://127.0.0.1:6379/15")))
                    : container();
            candidate.checkReachable();
            instance = candidate;
        }
        return instance;
    }

    /** A {@code redis://host:port/db} URL, as Spring's {@code spring.data.redis.url} takes it. */
    public String url() {
        return url.toString();
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() < 0 ? 6379 : url.getPort();
    }

    /** The logical database of the URL (15 by default). */
    public int database() {
        String path = url.getPath();
        return path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    private static RedisTestServer container() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(6379);
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start " + IMAGE + " with Testcontainers. Without a Docker "
                    + "engine, run infra/local/provision.sh and set ZAVA_TEST_SERVICES=local (make test does both).", e);
        }
        return new RedisTestServer(URI.create("redis://" + container.getHost() + ":" + container.getMappedPort(6379) + "/15"));
    }

    /**
     * Deletes the keys matching {@code pattern} in the test database, for tests that leave shared
     * state behind on purpose (an exhausted rate limit) and must not hand it to the next test.
     */
    public void deleteKeys(String pattern) {
        String script = "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end return 0";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port()), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(command("SELECT", Integer.toString(database())));
            out.write(command("EVAL", script, "0", pattern));
            out.flush();
            InputStream in = socket.getInputStream();
            String replies = "";
            byte[] buffer = new byte[256];
            while (!replies.contains(":0")) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                replies += new String(buffer, 0, read, StandardCharsets.US_ASCII);
                if (replies.contains("-ERR")) {
                    break;
                }
            }
            if (!replies.startsWith("+OK") || !replies.contains(":0")) {
                throw new IOException("unexpected reply '" + replies.strip() + "'");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not delete test keys " + pattern + " in " + url, e);
        }
    }

    /** One command in Redis's wire format (an array of bulk strings). */
    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A raw PING, so this module needs no Redis client of its own. */
    private void checkReachable() {
        try {
            String answer = ping(host(), port(), 2_000);
            if (!answer.startsWith("+PONG") && !answer.startsWith("-NOAUTH")) {
                throw new IOException("unexpected reply '" + answer.strip() + "'");
            }
        } catch (IOException e) {
            throw new IllegalStateException("The test Redis " + url + " is not reachable (" + e.getMessage()
                    + "). Run infra/local/provision.sh, or use ZAVA_TEST_SERVICES=testcontainers on a machine with "
                    + "a Docker engine.", e);
        }
    }

    /** Sends a raw PING and returns the first reply line as sent (e.g. {@code +PONG}), or "" on none. */
    static String ping(String host, int port, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[64];
            int read = in.read(reply);
            return read > 0 ? new String(reply, 0, read, StandardCharsets.US_ASCII) : "";
        }
    }
}
