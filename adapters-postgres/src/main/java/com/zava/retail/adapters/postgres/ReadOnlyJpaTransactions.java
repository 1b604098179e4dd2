package com.zava.retail.adapters.postgres;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.UnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs JPA reads the way every database access of this server runs: in its own READ ONLY
 * transaction opened by {@link TransactionSettings}, with database failures turned into
 * {@link UnavailableException}s that say nothing about SQL.
 */
final class ReadOnlyJpaTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyJpaTransactions.class);

    /** PostgreSQL's query_canceled: what statement_timeout raises. */
    private static final String QUERY_CANCELED = "57014";

    private final EntityManagerFactory entityManagerFactory;
    private final TransactionTemplate transactions;
    private final Duration statementTimeout;
    private final DatabaseGate gate;

    ReadOnlyJpaTransactions(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
            Duration statementTimeout, DatabaseGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.entityManagerFactory = Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
        Objects.requireNonNull(transactionManager, "transactionManager");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statement timeout must be positive, was " + statementTimeout);
        }
        this.statementTimeout = statementTimeout;
        this.transactions = new TransactionTemplate(transactionManager);
        // READ ONLY is the last layer under the grants: even a bug that issued a write could not
        // change anything through this transaction.
        this.transactions.setReadOnly(true);
        // Always a transaction of our own: joining a caller's transaction would let our SET LOCAL
        // settings (the manager id above all) outlive this read, and would silently drop READ ONLY
        // when that transaction was read-write.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
            Function<EntityManager, T> work) {
        // Tighter than the role's default (30 s): a request waits for this read, so a slow one
        // should fail fast instead of holding a pooled connection.
        String sql = TransactionSettings.sql(caller, statementTimeout, localSettings);
        try {
            return gate.call(caller, () -> transactions.execute(status -> {
                EntityManager entityManager = transactionalEntityManager();
                entityManager.unwrap(Session.class).doWork(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    }
                });
                return work.apply(entityManager);
            }));
        } catch (UnavailableException e) {
            // The gate's verdict (database away, breaker open): already logged there, and its
            // message says when to try again.
            throw new UnavailableException(purpose + " is unavailable. " + e.getMessage());
        } catch (PersistenceException | DataAccessException | TransactionException | SQLException e) {
            throw unavailable(purpose, e);
        }
    }

    private EntityManager transactionalEntityManager() {
        // The EntityManager the JpaTransactionManager bound to this transaction. Asking for it
        // directly (not through a shared EntityManager) fails loudly when the transaction manager
        // belongs to another EntityManagerFactory, instead of running the SET LOCAL statements and
        // the query in two different transactions.
        if (TransactionSynchronizationManager.getResource(entityManagerFactory) instanceof EntityManagerHolder holder) {
            return holder.getEntityManager();
        }
        throw new IllegalStateException("The transaction manager does not manage this EntityManagerFactory; "
                + "give the PostgreSQL adapter the JpaTransactionManager of the same EntityManagerFactory");
    }

    private UnavailableException unavailable(String purpose, Exception e) {
        // The cause stays in our log for operators; the caller (often a language model) gets a
        // message it can act on, without SQL, host names or driver details.
        LOG.warn("{} failed in the database", purpose, e);
        if (hasSqlState(e, QUERY_CANCELED)) {
            return new UnavailableException(purpose + " took longer than " + statementTimeout.toSeconds()
                    + " seconds and was cancelled. Try again in a moment.");
        }
        return new UnavailableException(purpose + " is unavailable right now: the database could not be used. "
                + "Try again in a moment.");
    }

    private static boolean hasSqlState(Throwable e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
