package com.zava.retail.adapters.redis;

import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.QueryResultCache;
import com.zava.retail.application.port.out.RateLimiter;
import com.zava.retail.application.port.out.SchemaDescriptionCache;
import com.zava.retail.application.service.InMemoryRateLimiter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Spring wiring of the Redis adapter: the shared caches and the distributed rate limiter, all
 * behind the {@code redis} circuit breaker. Redis is optional at run time: the server starts and
 * serves without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
public class RedisAdapterConfiguration {

    /** Name of the circuit breaker every Redis command passes through. */
    public static final String CIRCUIT_BREAKER = "redis";

    /**
     * While disconnected, Lettuce would queue commands until its timeout; refusing them at once
     * lets a call go on without Redis in microseconds instead of waiting for each timeout.
     */
    @Bean
    LettuceClientConfigurationBuilderCustomizer zavaFailFastRedis() {
        return builder -> {
            ClientOptions current = builder.build().getClientOptions().orElseGet(ClientOptions::create);
            if (!(current instanceof ClusterClientOptions)) {
                builder.clientOptions(current.mutate()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .autoReconnect(true)
                        .build());
            }
        };
    }

    @Bean
    RedisStore zavaRedisStore(RedisConnectionFactory connections, ObjectProvider<CircuitBreakerRegistry> breakers,
            ObjectProvider<MeterRegistry> meters) {
        RedisTemplate<String, byte[]> bytes = new RedisTemplate<>();
        bytes.setConnectionFactory(connections);
        bytes.setKeySerializer(RedisSerializer.string());
        bytes.setValueSerializer(RedisSerializer.byteArray());
        bytes.afterPropertiesSet();
        StringRedisTemplate strings = new StringRedisTemplate(connections);
        return new RedisStore(bytes, strings,
                breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker(CIRCUIT_BREAKER),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SchemaDescriptionCache schemaDescriptionCache(RedisStore store, CacheProperties properties) {
        return new RedisSchemaDescriptionCache(store, properties.schemaTtl());
    }

    @Bean
    EmbeddingCache embeddingCache(RedisStore store, CacheProperties properties) {
        return new RedisEmbeddingCache(store, properties.embeddingTtl());
    }

    @Bean
    QueryResultCache queryResultCache(RedisStore store, CacheProperties properties) {
        CacheProperties.QueryResults results = properties.queryResults();
        return results.enabled() ? new RedisQueryResultCache(store, results.ttl(), results.maxBytes())
                : QueryResultCache.NONE;
    }

    /** Shared limits; each replica's own buckets stand in while Redis is away. */
    @Bean
    RateLimiter rateLimiter(RedisStore store, Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new RedisRateLimiter(store, new InMemoryRateLimiter(clock),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
