package com.zava.retail.benchmarks;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the query mix through raw JDBC twice, in turns: as the runtime role under row-level
 * security (this is also the raw baseline the server is compared with) and as a role that bypasses RLS. Which role
 * bypasses it is checked, not assumed: the owner does unless a table has FORCE ROW LEVEL SECURITY,
 * otherwise the local superuser is tried.
 */
final class RlsComparison {

    private RlsComparison() {
    }

    /** A connection that bypasses RLS, and the evidence. */
    private record Bypass(JdbcSession session, String why) {
    }

    static RlsResult run(JdbcSession app, DatabaseSettings database, DataFacts facts, List<SalesQuery> queries,
            Duration warmup, Duration duration) throws SQLException {
        Bypass bypass = bypassingSession(app, database, facts);
        try (JdbcSession other = bypass.session()) {
            // Same connection settings on both sides: the runtime role has its own work_mem
            // (infra/local/sql/roles.sql), which changes plans for sorts and hashes.
            other.set("work_mem", app.value(null, "SHOW work_mem"));
            List<RlsResult.Comparison> comparisons = new ArrayList<>();
            for (SalesQuery query : queries) {
                Progress.say("raw JDBC: %s, in turns as %s (row-level security applies) and as %s (bypasses it)",
                        query.id(), app.user(), other.user());
                List<LatencyStats> stats = TimedLoop.measureInTurns(
                        () -> app.runAsManager(DataFacts.HEAD_OFFICE, query.sql()) >= 0,
                        () -> other.runAsManager(DataFacts.HEAD_OFFICE, query.sql()) >= 0, warmup, duration);
                comparisons.add(new RlsResult.Comparison(query, stats.get(0), stats.get(1)));
            }
            return new RlsResult(app.user(), other.user(), bypass.why(), comparisons);
        }
    }

    private static Bypass bypassingSession(JdbcSession app, DatabaseSettings database, DataFacts facts)
            throws SQLException {
        String forced = app.value(null, "SELECT string_agg(relname, ', ' ORDER BY relname) FROM pg_class "
                + "WHERE relnamespace = 'retail'::regnamespace AND relkind = 'r' AND relforcerowsecurity");
        List<String> refusals = new ArrayList<>();
        for (DatabaseSettings.Login login : List.of(database.owner(), database.superuser())) {
            JdbcSession session;
            try {
                session = JdbcSession.open(database.jdbcUrl(), login);
            } catch (SQLException e) {
                refusals.add(login.user() + ": cannot connect (" + e.getMessage() + ")");
                continue;
            }
            // Without zava.manager_id the runtime role sees no orders at all; a role that still sees
            // every order is not filtered by the policies.
            long seen = Long.parseLong(session.value(null, "SELECT count(*) FROM retail.orders"));
            if (seen == facts.orders()) {
                return new Bypass(session, reason(session, forced, seen));
            }
            refusals.add(login.user() + ": sees " + seen + " of " + facts.orders() + " orders without a manager");
            session.close();
        }
        throw new IllegalStateException("No role that bypasses row-level security could be used: "
                + String.join("; ", refusals));
    }

    private static String reason(JdbcSession session, String forced, long seen) throws SQLException {
        List<List<Object>> role = session.rows(null, "SELECT rolsuper, rolbypassrls, "
                + "(SELECT count(*) FROM pg_class WHERE relnamespace = 'retail'::regnamespace AND relkind = 'r' "
                + "AND relowner = r.oid) FROM pg_roles r WHERE rolname = current_user");
        boolean superuser = Boolean.TRUE.equals(role.get(0).get(0));
        boolean bypassRls = Boolean.TRUE.equals(role.get(0).get(1));
        long owned = ((Number) role.get(0).get(2)).longValue();
        String because = superuser ? "is a superuser"
                : bypassRls ? "has BYPASSRLS"
                : "owns the retail tables (" + owned + ") and "
                        + (forced == null ? "none has FORCE ROW LEVEL SECURITY"
                                : "FORCE is set only on " + forced);
        return because + "; checked: with no manager set it sees all " + seen + " orders";
    }
}
