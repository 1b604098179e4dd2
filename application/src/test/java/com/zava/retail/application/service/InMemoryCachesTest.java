package com.zava.retail.application.service;

import com.zava.retail.application.port.out.EmbeddingCache;
import com.zava.retail.application.port.out.QueryResultCache;
import org.junit.jupiter.api.Nested;

/** The fakes keep the contracts the Redis caches keep, so service tests with them mean something. */
class InMemoryCachesTest {

    @Nested
    class QueryResults extends QueryResultCacheContract {
        @Override
        protected QueryResultCache cache() {
            return new InMemoryQueryResultCache();
        }
    }

    @Nested
    class Embeddings extends EmbeddingCacheContract {
        @Override
        protected EmbeddingCache cache() {
            return new InMemoryEmbeddingCache();
        }
    }

    @Nested
    class NearEmbeddings extends EmbeddingCacheContract {
        @Override
        protected EmbeddingCache cache() {
            return new NearEmbeddingCache(new InMemoryEmbeddingCache(), 2);
        }
    }
}
