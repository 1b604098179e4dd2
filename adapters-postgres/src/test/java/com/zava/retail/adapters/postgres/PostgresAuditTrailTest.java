package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresAuditTrailTest {

    @Test
    void theWriterWaitsForMoreRecordsOnlyWhileLessThanABatchIsQueued() {
        assertThat(PostgresAuditTrail.shouldLinger(0)).isTrue();
        assertThat(PostgresAuditTrail.shouldLinger(PostgresAuditTrail.BATCH - 2)).isTrue();
        // A full batch waiting: writing it at once is what keeps the writer ahead of a busy server.
        assertThat(PostgresAuditTrail.shouldLinger(PostgresAuditTrail.BATCH - 1)).isFalse();
        assertThat(PostgresAuditTrail.shouldLinger(10_000)).isFalse();
    }
}
