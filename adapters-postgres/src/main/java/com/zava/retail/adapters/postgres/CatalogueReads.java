package com.zava.retail.adapters.postgres;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.UnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own reads of the catalogue (the product search, the startup check of the stored
 * embeddings), run the way every read of this server runs ({@link ManagerTransactions}: READ ONLY,
 * the caller's settings, the gate), with a timeout of their own and failures turned into
 * {@link UnavailableException}s that name what failed and say nothing about SQL.
 */
final class CatalogueReads {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueReads.class);

    /** PostgreSQL's query_canceled: what statement_timeout raises. */
    private static final String QUERY_CANCELED = "57014";

    private final ManagerTransactions transactions;
    private final Duration statementTimeout;

    CatalogueReads(ManagerTransactions transactions, Duration statementTimeout) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statement timeout must be positive, was " + statementTimeout);
        }
        this.statementTimeout = statementTimeout;
    }

    /**
     * Runs {@code work} in a new read-only transaction.
     *
     * @param purpose       what the work does, for messages ("The product search")
     * @param caller        the manager the work runs as; empty for work on nobody's behalf (startup
     *                      checks), which leaves {@code zava.manager_id} unset and so sees no store rows
     * @param localSettings further transaction-local settings, applied after the standard ones
     * @throws UnavailableException when the database cannot be reached or cancels the work
     */
    <T> T read(String purpose, Optional<ManagerId> caller, Map<String, String> localSettings,
            ManagerTransactions.Work<T> work) {
        try {
            // Tighter than the role's default (30 s): a person waits for this read, so a slow one
            // should fail fast instead of holding a pooled connection.
            return transactions.readOnly(caller, statementTimeout, localSettings, work);
        } catch (UnavailableException e) {
            // The gate's verdict (database away, breaker open, every connection busy): already
            // logged there, and its message says when to try again.
            throw new UnavailableException(purpose + " is unavailable. " + e.getMessage());
        } catch (SQLException e) {
            // The cause stays in our log for operators; the caller (often a language model) gets
            // a message it can act on, without SQL, host names or driver details.
            LOG.warn("{} failed in the database", purpose, e);
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw new UnavailableException(purpose + " took longer than " + statementTimeout.toSeconds()
                        + " seconds and was cancelled. Try again in a moment.");
            }
            throw new UnavailableException(purpose + " is unavailable right now: the database could not be used. "
                    + "Try again in a moment.");
        }
    }
}
