package com.zava.retail.application.service;

import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.SchemaDescriptionCache;
import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.TableName;
import java.time.Duration;
import java.util.Optional;

/**
 * The fake schema cache of service tests, with a time to live: the product's cache is Redis
 * ({@code RedisSchemaDescriptionCache}). Bounded like the rest: at most (tables x managers) entries.
 */
public final class InMemorySchemaDescriptionCache implements SchemaDescriptionCache {

    private record Key(TableName table, ManagerId scope) {
    }

    /** Enough for every table of a few thousand managers; beyond it the cache starts over. */
    private static final int MAX_ENTRIES = 50_000;

    private final ExpiringMap<Key, TableDescription> entries;

    public InMemorySchemaDescriptionCache(Clock clock, Duration timeToLive) {
        this.entries = new ExpiringMap<>(clock, timeToLive, MAX_ENTRIES);
    }

    @Override
    public Optional<TableDescription> get(TableName table, ManagerId scope) {
        return entries.get(new Key(table, scope));
    }

    @Override
    public void put(TableName table, ManagerId scope, TableDescription description) {
        entries.put(new Key(table, scope), description);
    }
}
