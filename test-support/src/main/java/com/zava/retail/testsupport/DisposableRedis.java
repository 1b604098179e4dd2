package com.zava.retail.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Redis server of a test's own, which the test may stop and start again to see what the server
 * does without Redis. Local mode runs the machine's {@code redis-server} on a free port; the
 * Testcontainers mode pauses and unpauses a {@code redis:7} container (which keeps its port).
 */
public final class DisposableRedis implements AutoCloseable {

    private final int port;
    private final GenericContainer<?> container;
    private Process process;

    private DisposableRedis(int port, GenericContainer<?> container) {
        this.port = port;
        this.container = container;
    }

    /** Starts a new, empty Redis. */
    @SuppressWarnings("resource")
    public static DisposableRedis start() {
        if (TestServices.mode() == TestServices.Mode.TESTCONTAINERS) {
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
            try {
                container.start();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Could not start redis:7 with Testcontainers for a fault test. Without "
                        + "a Docker engine, set ZAVA_TEST_SERVICES=local (make test does).", e);
            }
            return new DisposableRedis(container.getMappedPort(6379), container);
        }
        DisposableRedis redis = new DisposableRedis(freePort(), null);
        redis.resume();
        return redis;
    }

    public String host() {
        return container == null ? "127.0.0.1" : container.getHost();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://" + host() + ":" + port + "/0";
    }

    /** Makes Redis unreachable: the process ends (local) or the container is paused. */
    public void stop() {
        if (container != null) {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
            return;
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Brings Redis back on the same port (empty again in local mode). */
    public void resume() {
        if (container != null) {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
            return;
        }
        try {
            Path log = Files.createTempFile("zava-disposable-redis", ".log");
            process = new ProcessBuilder(List.of(redisServer(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start redis-server for a fault test: " + e.getMessage()
                    + ". Install Redis (infra/local/provision.sh) or use ZAVA_TEST_SERVICES=testcontainers.", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!answersPing()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " did not start within 10 s");
            }
            sleep(20);
        }
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        } else {
            stop();
        }
    }

    private boolean answersPing() {
        try {
            return RedisTestServer.ping("127.0.0.1", port, 500).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String redisServer() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        for (String path : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server")) {
            if (new File(path).canExecute()) {
                return path;
            }
        }
        throw new IllegalStateException("redis-server was not found on PATH; fault tests start their own Redis. "
                + "Install Redis (infra/local/provision.sh) or use ZAVA_TEST_SERVICES=testcontainers.");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for a test Redis", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
