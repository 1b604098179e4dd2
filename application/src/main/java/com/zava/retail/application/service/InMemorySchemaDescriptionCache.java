package com.zava.retail.application.service;

import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.port.out.SchemaDescriptionCache;
import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.TableName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-replica cache of table descriptions with a time to live. Bounded by construction: at most
 * (tables x managers who asked) entries, and expired entries are replaced on the next request.
 * A shared Redis cache can take its place behind the same port.
 */
public final class InMemorySchemaDescriptionCache implements SchemaDescriptionCache {

    private record Key(TableName table, ManagerId scope) {
    }

    private record Entry(TableDescription description, Instant expires) {
    }

    /** Enough for every table of a few thousand managers; beyond it the cache starts over. */
    private static final int MAX_ENTRIES = 50_000;

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeToLive;

    public InMemorySchemaDescriptionCache(Clock clock, Duration timeToLive) {
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    @Override
    public Optional<TableDescription> get(TableName table, ManagerId scope) {
        Entry entry = entries.get(new Key(table, scope));
        if (entry == null || !clock.now().isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.description());
    }

    @Override
    public void put(TableName table, ManagerId scope, TableDescription description) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(new Key(table, scope), new Entry(description, clock.now().plus(timeToLive)));
    }
}
