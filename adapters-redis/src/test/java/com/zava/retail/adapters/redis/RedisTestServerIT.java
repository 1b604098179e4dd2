package com.zava.retail.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.testsupport.RedisTestServer;
import com.zava.retail.testsupport.TestServices;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis the adapter's tests run against is real and reachable through Spring Data Redis with
 * Lettuce, the client the adapter uses: values round-trip and expire.
 */
class RedisTestServerIT {

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        RedisTestServer server = TestServices.redis();
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(server.host(), server.port());
        String path = java.net.URI.create(server.url()).getPath();
        configuration.setDatabase(path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1)));
        connections = new LettuceConnectionFactory(configuration);
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void valuesRoundTripAndExpire() throws InterruptedException {
        String key = "zava:test:" + UUID.randomUUID();
        redis.opsForValue().set(key, "hello", Duration.ofMillis(300));
        assertThat(redis.opsForValue().get(key)).isEqualTo("hello");
        assertThat(redis.getExpire(key)).isBetween(0L, 1L);
        Thread.sleep(600);
        assertThat(redis.hasKey(key)).isFalse();
    }
}
