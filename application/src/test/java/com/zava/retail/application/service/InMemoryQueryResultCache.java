package com.zava.retail.application.service;

import com.zava.retail.application.port.out.QueryResultCache;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fake result cache of service tests: a map, no expiry. */
public final class InMemoryQueryResultCache implements QueryResultCache {

    private record Key(ManagerId manager, String sql) {
    }

    private final Map<Key, QueryResult> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<QueryResult> get(ManagerId manager, String sql) {
        return Optional.ofNullable(entries.get(new Key(manager, sql)));
    }

    @Override
    public void put(ManagerId manager, String sql, QueryResult result) {
        entries.put(new Key(manager, sql), result);
    }
}
