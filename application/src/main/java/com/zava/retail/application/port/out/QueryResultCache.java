package com.zava.retail.application.port.out;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import java.util.Optional;

/**
 * Remembers query results for a short while (off by default). The manager is part of every key
 * and is checked again on every read: row-level security gives two managers different rows for
 * the same statement, so one manager's rows must never be served to another. Results too large
 * to be worth keeping are not stored. A cache that cannot reach its store answers "not cached".
 */
public interface QueryResultCache {

    /** @param sql the statement as {@link #normalise(String)} returned it */
    Optional<QueryResult> get(ManagerId manager, String sql);

    void put(ManagerId manager, String sql, QueryResult result);

    /**
     * The statement as used in keys: only surrounding white space is removed. Anything more (case,
     * inner white space) could change the meaning inside literals and quoted names.
     */
    static String normalise(String sql) {
        return sql.strip();
    }

    /** The cache of a deployment that does not cache results. */
    QueryResultCache NONE = new QueryResultCache() {
        @Override
        public Optional<QueryResult> get(ManagerId manager, String sql) {
            return Optional.empty();
        }

        @Override
        public void put(ManagerId manager, String sql, QueryResult result) {
            // nothing is kept
        }
    };
}
