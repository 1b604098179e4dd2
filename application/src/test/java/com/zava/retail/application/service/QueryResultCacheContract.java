package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.out.QueryResultCache;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link QueryResultCache} promises; run against the fake here and Redis in adapters-redis. */
public abstract class QueryResultCacheContract {

    protected static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    protected static final ManagerId TACOMA = ManagerId.parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");

    protected abstract QueryResultCache cache();

    /** A statement no other test used. */
    protected static String freshSql() {
        return "SELECT store_name FROM retail.stores /* " + UUID.randomUUID() + " */";
    }

    /** A result with every kind of value the database adapter returns. */
    protected static QueryResult everyKindOfValue() {
        return new QueryResult(List.of("text", "whole", "decimal", "double", "flag", "nothing"),
                List.of(Arrays.asList("Zava Retail Seattle — ☃", 42L, new BigDecimal("1234.50"), 0.25, true, null),
                        Arrays.asList("", -7L, new BigDecimal("-0.001"), 1.0E300, false, null)),
                Optional.of("row cap of 2 rows reached"));
    }

    @Test
    void aStoredResultComesBackExactlyForTheSameManagerAndStatement() {
        QueryResultCache cache = cache();
        String sql = freshSql();
        assertThat(cache.get(SEATTLE, sql)).isEmpty();
        cache.put(SEATTLE, sql, everyKindOfValue());
        assertThat(cache.get(SEATTLE, sql)).contains(everyKindOfValue());
    }

    @Test
    void anotherManagerNeverGetsTheResult() {
        QueryResultCache cache = cache();
        String sql = freshSql();
        cache.put(SEATTLE, sql, everyKindOfValue());
        assertThat(cache.get(TACOMA, sql)).isEmpty();
    }

    @Test
    void anotherStatementDoesNotGetTheResult() {
        QueryResultCache cache = cache();
        String sql = freshSql();
        cache.put(SEATTLE, sql, everyKindOfValue());
        assertThat(cache.get(SEATTLE, sql + " ")).isEmpty();
        assertThat(cache.get(SEATTLE, sql.toLowerCase(java.util.Locale.ROOT))).isEmpty();
    }
}
