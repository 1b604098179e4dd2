package com.zava.retail.adapters.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

/** Connections and stores for the adapter's tests, set up the way the application sets them up. */
final class TestRedis {

    private TestRedis() {
    }

    /** A connection factory with the production client options (fail fast while disconnected). */
    static LettuceConnectionFactory connect(String host, int port, int database) {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, port);
        server.setDatabase(database);
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(250));
        new RedisAdapterConfiguration().zavaFailFastRedis().customize(client);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(server, client.build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    static RedisStore store(LettuceConnectionFactory connections, CircuitBreaker breaker, MeterRegistry meters) {
        RedisTemplate<String, byte[]> bytes = new RedisTemplate<>();
        bytes.setConnectionFactory(connections);
        bytes.setKeySerializer(RedisSerializer.string());
        bytes.setValueSerializer(RedisSerializer.byteArray());
        bytes.afterPropertiesSet();
        return new RedisStore(bytes, new StringRedisTemplate(connections), breaker, meters);
    }

    /** The breaker settings of application.yml, with a shorter wait so tests see it close again. */
    static CircuitBreaker breaker(Duration waitInOpenState) {
        return CircuitBreaker.of("redis", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(waitInOpenState).permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    static ClientOptions.DisconnectedBehavior disconnectedBehaviour(LettuceConnectionFactory factory) {
        return factory.getClientConfiguration().getClientOptions().orElseThrow().getDisconnectedBehavior();
    }
}
