package com.zava.retail.application.service;

import com.zava.retail.application.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-replica map whose entries expire after a fixed time. Bounded: when full it starts over,
 * so keys chosen by callers (unknown key ids, many managers) cannot grow it without end.
 */
final class ExpiringMap<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeToLive;
    private final int maxEntries;

    ExpiringMap(Clock clock, Duration timeToLive, int maxEntries) {
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
    }

    /** The value, unless absent or expired. */
    Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null || !clock.now().isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(K key, V value) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, clock.now().plus(timeToLive)));
    }

    void remove(K key) {
        entries.remove(key);
    }
}
