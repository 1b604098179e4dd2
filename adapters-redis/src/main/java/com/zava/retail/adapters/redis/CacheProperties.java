package com.zava.retail.adapters.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared caches ({@code zava.cache.*}).
 *
 * @param schemaTtl    how long a table description is reused ({@code ZAVA_CACHE_SCHEMA_TTL})
 * @param embeddingTtl how long a search phrase's vector is reused ({@code ZAVA_CACHE_EMBEDDING_TTL})
 * @param queryResults the optional result cache of {@code execute_sales_query}
 */
@ConfigurationProperties(prefix = "zava.cache")
public record CacheProperties(
        @DefaultValue("300s") Duration schemaTtl,
        @DefaultValue("24h") Duration embeddingTtl,
        @DefaultValue QueryResults queryResults) {

    public CacheProperties {
        requireBetween("zava.cache.schema-ttl", schemaTtl, Duration.ofSeconds(1), Duration.ofDays(1));
        requireBetween("zava.cache.embedding-ttl", embeddingTtl, Duration.ofSeconds(1), Duration.ofDays(30));
    }

    /**
     * @param enabled  off by default: results can be up to {@code ttl} old ({@code ZAVA_CACHE_QUERY_RESULTS_ENABLED})
     * @param ttl      how long a result is reused ({@code ZAVA_CACHE_QUERY_RESULTS_TTL})
     * @param maxBytes larger results are never cached ({@code ZAVA_CACHE_QUERY_RESULTS_MAX_BYTES})
     */
    public record QueryResults(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("300s") Duration ttl,
            @DefaultValue("65536") int maxBytes) {

        public QueryResults {
            requireBetween("zava.cache.query-results.ttl", ttl, Duration.ofSeconds(1), Duration.ofHours(1));
            if (maxBytes < 256 || maxBytes > 8 * 1024 * 1024) {
                throw new IllegalArgumentException("zava.cache.query-results.max-bytes must be between 256 and 8388608, was "
                        + maxBytes);
            }
        }
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
