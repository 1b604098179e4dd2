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

    /** A raw PING, so this module needs no Redis client of its own. */
    private void checkReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port()), 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[64];
            int read = in.read(reply);
            String answer = read > 0 ? new String(reply, 0, read, StandardCharsets.US_ASCII) : "";
            if (!answer.startsWith("+PONG") && !answer.startsWith("-NOAUTH")) {
                throw new IOException("unexpected reply '" + answer.strip() + "'");
            }
        } catch (IOException e) {
            throw new IllegalStateException("The test Redis " + url + " is not reachable (" + e.getMessage()
                    + "). Run infra/local/provision.sh, or use ZAVA_TEST_SERVICES=testcontainers on a machine with "
                    + "a Docker engine.", e);
        }
    }
}
