package com.zava.retail.benchmarks;

import java.util.List;

/**
 * The cost of row-level security: the query mix as head office under RLS (the runtime role) and by a
 * role that bypasses RLS, both over raw JDBC with the same settings.
 *
 * @param rlsRole    the role RLS applies to
 * @param bypassRole the role used for the comparison
 * @param why        why that role bypasses RLS (checked, not assumed)
 * @param queries    one comparison per query of the mix
 */
record RlsResult(String rlsRole, String bypassRole, String why, List<Comparison> queries) {

    RlsResult {
        queries = List.copyOf(queries);
    }

    /** One query under RLS and bypassing it. */
    record Comparison(SalesQuery query, LatencyStats underRls, LatencyStats bypassing) {
        double ratio() {
            return underRls.p50Ms() / bypassing.p50Ms();
        }
    }

    /** The mix as a whole: sum of the medians under RLS over the sum of the medians bypassing it. */
    double mixRatio() {
        double rls = queries.stream().mapToDouble(q -> q.underRls().p50Ms()).sum();
        double bypass = queries.stream().mapToDouble(q -> q.bypassing().p50Ms()).sum();
        return rls / bypass;
    }
}
