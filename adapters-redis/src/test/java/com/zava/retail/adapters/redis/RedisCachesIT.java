package com.zava.retail.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.application.port.out.QueryResultCache;
import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.port.out.RateLimiter;
import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.application.service.EmbeddingCacheContract;
import com.zava.retail.application.service.InMemoryRateLimiter;
import com.zava.retail.application.service.QueryResultCacheContract;
import com.zava.retail.application.service.RateLimiterContract;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.TableName;
import com.zava.retail.testsupport.RedisTestServer;
import com.zava.retail.testsupport.TestServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The caches and the limiter against a real Redis: contracts, expiry, keys, bounds and sharing. */
class RedisCachesIT {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final ManagerId TACOMA = ManagerId.parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");

    private static LettuceConnectionFactory connections;
    private static LettuceConnectionFactory otherReplica;
    private static RedisStore store;
    private static StringRedisTemplate redis;
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @BeforeAll
    static void connect() {
        RedisTestServer server = TestServices.redis();
        connections = TestRedis.connect(server.host(), server.port(), server.database());
        otherReplica = TestRedis.connect(server.host(), server.port(), server.database());
        store = TestRedis.store(connections, TestRedis.breaker(Duration.ofSeconds(5)), METERS);
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
        otherReplica.destroy();
    }

    private static double cacheReads(String cache, String result) {
        var counter = METERS.find("zava.cache.gets").tag("cache", cache).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Nested
    class RateLimits extends RateLimiterContract {

        @Override
        protected RateLimiter limiter() {
            return new RedisRateLimiter(store, new InMemoryRateLimiter(Instant::now), METERS);
        }

        @Test
        void twoReplicasShareOneBucket() {
            RateLimiter first = limiter();
            RateLimiter second = new RedisRateLimiter(TestRedis.store(otherReplica, TestRedis.breaker(Duration.ofSeconds(5)),
                    METERS), new InMemoryRateLimiter(Instant::now), METERS);
            String key = freshKey();
            assertThat(first.tryAcquire(THREE_AT_ONCE, key).allowed()).isTrue();
            assertThat(second.tryAcquire(THREE_AT_ONCE, key).allowed()).isTrue();
            assertThat(first.tryAcquire(THREE_AT_ONCE, key).allowed()).isTrue();
            assertThat(second.tryAcquire(THREE_AT_ONCE, key).allowed()).isFalse();
            assertThat(first.tryAcquire(THREE_AT_ONCE, key).allowed()).isFalse();
        }

        @Test
        void aSlowLimitAsksRedisOnEveryCallSoNothingIsLeased() {
            // 60 a minute refills 0.1 token in a lease's 100 ms: leasing would change nothing.
            assertThat(RedisRateLimiter.leaseCap(new RateLimit("tool-calls", 60, 20), RedisRateLimiter.LEASE)).isZero();
            String key = freshKey();
            limiter().tryAcquire(new RateLimit("tool-calls", 60, 20), key);
            assertThat(tokensLeft("tool-calls", key)).isCloseTo(19.0, within(0.5));
        }

        @Test
        void leasesGrowWithDemandAndGiveBackWhatWasNotSpent() {
            // A ten-second lease over a token a second: at most 10 tokens a lease, and Redis's own
            // refill during the test stays under half a token.
            AtomicLong nanos = new AtomicLong();
            RateLimiter limiter = new RedisRateLimiter(store, new InMemoryRateLimiter(Instant::now), METERS,
                    Duration.ofSeconds(10), nanos::get);
            RateLimit limit = new RateLimit("contract", 60, 20);
            String key = freshKey();
            assertThat(limiter.tryAcquire(limit, key).allowed()).isTrue();
            assertThat(tokensLeft("contract", key)).as("a first lease of 2").isCloseTo(18.0, within(0.5));
            assertThat(limiter.tryAcquire(limit, key).allowed()).isTrue();
            assertThat(tokensLeft("contract", key)).as("spent from the lease").isCloseTo(18.0, within(0.5));
            assertThat(limiter.tryAcquire(limit, key).allowed()).isTrue();
            assertThat(tokensLeft("contract", key)).as("both used: the next lease is 4").isCloseTo(14.0, within(0.5));
            nanos.addAndGet(Duration.ofSeconds(11).toNanos());
            assertThat(limiter.tryAcquire(limit, key).allowed()).isTrue();
            // The expired lease had 3 of its 4 left: they go back, and 1 used asks for a lease of 2.
            assertThat(tokensLeft("contract", key)).as("unspent tokens returned").isCloseTo(15.0, within(0.5));
        }

        @Test
        void replicasLeasingAFastLimitTogetherNeverGetMoreThanTheLimit() {
            RateLimit fast = new RateLimit("contract", 6_000, 10); // a token every 10 ms, up to 10 a lease
            assertThat(RedisRateLimiter.leaseCap(fast, RedisRateLimiter.LEASE)).isEqualTo(10);
            RateLimiter first = limiter();
            RateLimiter second = new RedisRateLimiter(TestRedis.store(otherReplica, TestRedis.breaker(Duration.ofSeconds(5)),
                    METERS), new InMemoryRateLimiter(Instant::now), METERS);
            String key = freshKey();
            long start = System.nanoTime();
            int granted = 0;
            for (int i = 0; i < 60; i++) {
                granted += first.tryAcquire(fast, key).allowed() ? 1 : 0;
                granted += second.tryAcquire(fast, key).allowed() ? 1 : 0;
            }
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // The bucket of 10 plus what refilled meanwhile is all the two replicas may grant.
            assertThat(granted).isGreaterThanOrEqualTo(10).isLessThanOrEqualTo(10 + (int) (elapsedMillis / 10) + 1);
        }

        @Test
        void concurrentCallsStrandNoMoreThanOneLease() throws Exception {
            RateLimit fast = new RateLimit("contract", 6_000, 1_000); // up to 10 tokens a lease
            String key = freshKey();
            assertThat(grantedConcurrently(limiter(), fast, key, 50)).as("800 calls fit in a bucket of 1000")
                    .isEqualTo(800);
            // What the calls took, plus at most the unspent rest of the current lease; refill only adds.
            assertThat(tokensLeft("contract", key)).isGreaterThanOrEqualTo(1_000 - 800 - 10);
        }

        @Test
        void callsThatFindTheLeaseBeingRenewedWaitForItInsteadOfAskingRedisEach() throws Exception {
            RateLimit fast = new RateLimit("contract", 600_000, 100_000); // up to 1,000 tokens a lease
            long before = scriptRuns();
            assertThat(grantedConcurrently(limiter(), fast, freshKey(), 100)).isEqualTo(1_600);
            // Leases double from 2 to at most 1,000 tokens, so about ten renewals cover the 1,600
            // calls, plus single tokens for waiters the first small leases cannot cover: 19 to 46
            // script runs here. Asking Redis for a token whenever a renewal was under way made 99
            // to 132.
            assertThat(scriptRuns() - before).isLessThan(80);
        }

        /** Calls allowed when 16 threads each make {@code callsEach} calls at once. */
        private int grantedConcurrently(RateLimiter limiter, RateLimit limit, String key, int callsEach)
                throws Exception {
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                java.util.List<java.util.concurrent.Future<Integer>> granted = new java.util.ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    granted.add(threads.submit(() -> {
                        int allowed = 0;
                        for (int i = 0; i < callsEach; i++) {
                            allowed += limiter.tryAcquire(limit, key).allowed() ? 1 : 0;
                        }
                        return allowed;
                    }));
                }
                int total = 0;
                for (var future : granted) {
                    total += future.get(30, TimeUnit.SECONDS);
                }
                return total;
            } finally {
                threads.shutdownNow();
            }
        }

        /** Lua script runs Redis has served so far, from INFO commandstats. */
        private long scriptRuns() {
            java.util.Properties stats = connections.getConnection().serverCommands().info("commandstats");
            long runs = 0;
            for (String command : new String[] {"cmdstat_evalsha", "cmdstat_eval"}) {
                String line = stats.getProperty(command);
                if (line != null) {
                    runs += Long.parseLong(line.replaceAll("^calls=(\\d+),.*$", "$1"));
                }
            }
            return runs;
        }

        private double tokensLeft(String limit, String key) {
            return Double.parseDouble((String) redis.opsForHash().get("zava:v1:rl:" + limit + ":" + key, "tokens"));
        }

        @Test
        void aBucketIsOneSmallVersionedKeyThatExpiresWhenItWouldBeFullAgain() {
            String key = freshKey();
            limiter().tryAcquire(new RateLimit("tool-calls", 60, 20), key);
            String redisKey = "zava:v1:rl:tool-calls:" + key;
            assertThat(redis.opsForHash().keys(redisKey)).containsExactlyInAnyOrder("tokens", "at");
            // 20 tokens at one a second: full after 20 s, plus a second of slack.
            assertThat(redis.getExpire(redisKey, TimeUnit.MILLISECONDS)).isBetween(19_000L, 21_000L);
        }

        @Test
        void refusalsAreCountedPerLimit() {
            RateLimiter limiter = limiter();
            String key = freshKey();
            double before = rejections();
            for (int i = 0; i < 5; i++) {
                limiter.tryAcquire(THREE_AT_ONCE, key);
            }
            assertThat(rejections() - before).isEqualTo(2);
        }

        @Test
        void aHostileKeyBecomesAHashNotAKey() {
            // Fresh per run: Redis outlives a test run, and this bucket refills one token a minute.
            String hostile = freshKey() + "192.0.2.1\r\nFLUSHALL\r\n" + "x".repeat(10_000);
            RateLimiter limiter = limiter();
            assertThat(limiter.tryAcquire(THREE_AT_ONCE, hostile).allowed()).isTrue();
            assertThat(RedisKeys.rateLimit("contract", hostile)).hasSizeLessThan(100).doesNotContain("\r");
        }

        private double rejections() {
            var counter = METERS.find("zava.ratelimit.rejections").tag("limit", "contract").counter();
            return counter == null ? 0 : counter.count();
        }
    }

    @Nested
    class QueryResults extends QueryResultCacheContract {

        @Override
        protected QueryResultCache cache() {
            return new RedisQueryResultCache(store, Duration.ofSeconds(300), 65_536);
        }

        @Test
        void entriesExpireAfterTheirTimeToLive() {
            String sql = freshSql();
            cache().put(SEATTLE, sql, everyKindOfValue());
            long ttl = store.timeToLiveMillis(RedisKeys.queryResult(SEATTLE.value().toString(), sql)).orElseThrow();
            assertThat(ttl).isBetween(290_000L, 300_000L);
            RedisQueryResultCache shortLived = new RedisQueryResultCache(store, Duration.ofMillis(300), 65_536);
            String other = freshSql();
            shortLived.put(SEATTLE, other, everyKindOfValue());
            assertThat(shortLived.get(SEATTLE, other)).isPresent();
            sleep(600);
            assertThat(shortLived.get(SEATTLE, other)).isEmpty();
        }

        @Test
        void resultsAboveTheSizeBoundAreNeverStored() {
            RedisQueryResultCache cache = new RedisQueryResultCache(store, Duration.ofSeconds(300), 1_024);
            String small = freshSql();
            String large = freshSql();
            cache.put(SEATTLE, small, QueryResult.complete(List.of("n"), List.of(List.of(1L))));
            cache.put(SEATTLE, large, QueryResult.complete(List.of("text"), List.of(List.of("x".repeat(2_000)))));
            assertThat(cache.get(SEATTLE, small)).isPresent();
            assertThat(cache.get(SEATTLE, large)).isEmpty();
            assertThat(redis.hasKey(RedisKeys.queryResult(SEATTLE.value().toString(), large))).isFalse();
        }

        @Test
        void anEntryOfAnotherManagerUnderThisManagersKeyIsNeverServed() {
            // Even if a key were ever written wrongly (a bug, a hand edit), the entry names its
            // manager, and the reader checks it.
            String sql = freshSql();
            QueryResultCache cache = cache();
            cache.put(TACOMA, sql, everyKindOfValue());
            byte[] tacomasEntry = store.get("test", RedisKeys.queryResult(TACOMA.value().toString(), sql)).orElseThrow();
            store.put(RedisKeys.queryResult(SEATTLE.value().toString(), sql), tacomasEntry, Duration.ofMinutes(1));
            assertThat(cache.get(SEATTLE, sql)).isEmpty();
            assertThat(cache.get(TACOMA, sql)).isPresent();
        }

        @Test
        void aDamagedEntryIsAMiss() {
            String sql = freshSql();
            store.put(RedisKeys.queryResult(SEATTLE.value().toString(), sql),
                    "not a cached result".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
            assertThat(cache().get(SEATTLE, sql)).isEmpty();
        }
    }

    @Nested
    class Embeddings extends EmbeddingCacheContract {

        @Override
        protected EmbeddingCache cache() {
            return new RedisEmbeddingCache(store, Duration.ofHours(24));
        }

        @Test
        void vectorsAreStoredCompactlyForADay() {
            String phrase = freshPhrase();
            EmbeddingModel model = new EmbeddingModel("all-minilm-l6-v2", 384);
            cache().put(model, phrase, new float[384]);
            String key = RedisKeys.embedding(model.id(), phrase);
            assertThat(key).startsWith("zava:v1:emb:all-minilm-l6-v2:").hasSizeLessThan(110);
            assertThat(store.get("test", key)).hasValueSatisfying(v -> assertThat(v).hasSize(384 * 4));
            assertThat(store.timeToLiveMillis(key).orElseThrow()).isBetween(Duration.ofHours(23).toMillis(),
                    Duration.ofHours(24).toMillis());
        }

        @Test
        void hitsAndMissesAreCounted() {
            String phrase = freshPhrase();
            double hits = cacheReads("embedding", "hit");
            double misses = cacheReads("embedding", "miss");
            EmbeddingCache cache = cache();
            cache.get(MODEL, phrase);
            cache.put(MODEL, phrase, new float[] {1, 2, 3, 4});
            cache.get(MODEL, phrase);
            cache.get(MODEL, phrase);
            assertThat(cacheReads("embedding", "miss") - misses).isEqualTo(1);
            assertThat(cacheReads("embedding", "hit") - hits).isEqualTo(2);
        }
    }

    @Nested
    class SchemaDescriptions {

        private final RedisSchemaDescriptionCache cache = new RedisSchemaDescriptionCache(store, Duration.ofSeconds(300));
        private final TableName stores = TableName.parse("retail.stores");

        private TableDescription description(String store) {
            return new TableDescription("retail.stores",
                    List.of(new TableDescription.Column("store_name", "text", false)), List.of("store_id"),
                    List.of(new TableDescription.Relationship("incoming", "retail.orders", List.of("store_id"),
                            "retail.stores", List.of("store_id"))),
                    Map.of("store_name", List.of(store)), List.of("Join orders on store_id."));
        }

        @Test
        void aDescriptionIsSharedPerTableAndManagerForFiveMinutes() {
            redis.delete(RedisSchemaDescriptionCache.key(stores, SEATTLE));
            redis.delete(RedisSchemaDescriptionCache.key(stores, TACOMA));
            assertThat(cache.get(stores, SEATTLE)).isEmpty();
            cache.put(stores, SEATTLE, description("Zava Retail Seattle"));
            assertThat(cache.get(stores, SEATTLE)).contains(description("Zava Retail Seattle"));
            assertThat(cache.get(stores, TACOMA)).isEmpty();
            assertThat(RedisSchemaDescriptionCache.key(stores, SEATTLE))
                    .isEqualTo("zava:v1:schema:retail.stores:" + SEATTLE.value());
            assertThat(store.timeToLiveMillis(RedisSchemaDescriptionCache.key(stores, SEATTLE)).orElseThrow())
                    .isBetween(290_000L, 300_000L);
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
