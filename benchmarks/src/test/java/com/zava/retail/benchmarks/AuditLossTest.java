package com.zava.retail.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLossTest {

    @Test
    void readsTheHighestCountAndWhatWasLeftAtShutdown(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, """
                2026-11-28T04:33:19.034Z ERROR 1331 --- [x] c.z.r.a.postgres.PostgresAuditTrail : Audit queue full or closed: 1 audit record(s) dropped so far (latest: a by b)
                2026-11-28T04:33:19.035Z  INFO 1331 --- [x] c.z.r.a.mcp.core.ToolCallTelemetry : tool call tool=get_current_utc_date outcome=ok
                2026-11-28T04:33:31.168Z ERROR 1331 --- [x] c.z.r.a.postgres.PostgresAuditTrail : Audit queue full or closed: 16384 audit record(s) dropped so far (latest: a by b)
                2026-11-28T04:33:22.019Z ERROR 1331 --- [x] c.z.r.a.postgres.PostgresAuditTrail : Audit queue full or closed: 2048 audit record(s) dropped so far (latest: a by b)
                2026-11-28T04:40:00.000Z ERROR 1331 --- [x] c.z.r.a.postgres.PostgresAuditTrail : Shutting down with 12 audit record(s) unwritten; they are counted as dropped
                """);

        assertThat(AuditLoss.dropped(log)).isEqualTo(16_384 + 12);
    }

    @Test
    void aCleanLogDroppedNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, "2026-11-28T04:33:19.035Z  INFO 1331 --- tool call tool=get_current_utc_date outcome=ok\n");

        assertThat(AuditLoss.dropped(log)).isZero();
    }
}
