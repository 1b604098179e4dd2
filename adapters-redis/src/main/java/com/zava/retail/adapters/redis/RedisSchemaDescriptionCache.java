package com.zava.retail.adapters.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zava.retail.application.port.out.SchemaDescriptionCache;
import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.TableName;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table descriptions shared by all replicas, per table and visibility scope (the manager: valid
 * values differ between stores), as compact JSON.
 */
final class RedisSchemaDescriptionCache implements SchemaDescriptionCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSchemaDescriptionCache.class);

    private final RedisStore store;
    private final Duration timeToLive;
    private final ObjectMapper json = new ObjectMapper();

    RedisSchemaDescriptionCache(RedisStore store, Duration timeToLive) {
        this.store = store;
        this.timeToLive = timeToLive;
    }

    @Override
    public Optional<TableDescription> get(TableName table, ManagerId scope) {
        return store.get("schema", key(table, scope)).flatMap(value -> {
            try {
                return Optional.of(json.readValue(value, TableDescription.class));
            } catch (IOException e) {
                // A value we cannot read (another version wrote it, or it was damaged) is a miss.
                LOG.warn("Ignoring an unreadable cached description of {}", table.qualified(), e);
                return Optional.empty();
            }
        });
    }

    @Override
    public void put(TableName table, ManagerId scope, TableDescription description) {
        try {
            store.put(key(table, scope), json.writeValueAsBytes(description), timeToLive);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A table description could not be written as JSON", e);
        }
    }

    static String key(TableName table, ManagerId scope) {
        return RedisKeys.schema(table.qualified(), scope.value().toString());
    }
}
