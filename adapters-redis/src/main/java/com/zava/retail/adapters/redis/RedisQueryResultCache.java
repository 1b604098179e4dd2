package com.zava.retail.adapters.redis;

import com.zava.retail.application.port.out.QueryResultCache;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query results shared by all replicas, per manager and statement. Two locks against serving one
 * manager's rows to another: the manager is part of the key, and the entry names its manager and
 * statement, which must both match the reader's (so not even a hash collision or a mis-written key
 * could cross stores). Results larger than the bound are not stored.
 */
final class RedisQueryResultCache implements QueryResultCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisQueryResultCache.class);

    private final RedisStore store;
    private final Duration timeToLive;
    private final int maxBytes;

    RedisQueryResultCache(RedisStore store, Duration timeToLive, int maxBytes) {
        this.store = store;
        this.timeToLive = timeToLive;
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<QueryResult> get(ManagerId manager, String sql) {
        String owner = manager.value().toString();
        return store.get("query-result", RedisKeys.queryResult(owner, sql))
                .flatMap(QueryResultCodec::decode)
                .filter(entry -> {
                    boolean ours = entry.manager().equals(owner) && entry.sql().equals(sql);
                    if (!ours) {
                        LOG.error("A cached query result under manager {}'s key belongs to manager {}; ignored",
                                owner, entry.manager());
                    }
                    return ours;
                })
                .map(QueryResultCodec.Entry::result);
    }

    @Override
    public void put(ManagerId manager, String sql, QueryResult result) {
        String owner = manager.value().toString();
        byte[] value = QueryResultCodec.encode(new QueryResultCodec.Entry(owner, sql, result));
        if (value.length <= maxBytes) {
            store.put(RedisKeys.queryResult(owner, sql), value, timeToLive);
        }
    }
}
