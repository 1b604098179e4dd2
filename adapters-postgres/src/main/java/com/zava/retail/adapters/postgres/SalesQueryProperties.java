package com.zava.retail.adapters.postgres;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of {@code execute_sales_query} ({@code zava.query.*}).
 *
 * @param rowCap           most rows returned; more are cut with a truncation flag ({@code ZAVA_QUERY_ROW_CAP})
 * @param byteCap          most bytes of values returned ({@code ZAVA_QUERY_BYTE_CAP})
 * @param statementTimeout longest a statement may run ({@code ZAVA_QUERY_STATEMENT_TIMEOUT})
 * @param fetchSize        rows fetched from the server per round trip ({@code ZAVA_QUERY_FETCH_SIZE})
 */
@ConfigurationProperties(prefix = "zava.query")
public record SalesQueryProperties(
        @DefaultValue("500") int rowCap,
        @DefaultValue("1048576") int byteCap,
        @DefaultValue("30s") Duration statementTimeout,
        @DefaultValue("200") int fetchSize) {

    public SalesQueryProperties {
        if (rowCap < 1 || rowCap > 100_000) {
            throw new IllegalArgumentException("zava.query.row-cap must be between 1 and 100000, was " + rowCap);
        }
        if (byteCap < 1_024 || byteCap > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("zava.query.byte-cap must be between 1 KiB and 64 MiB, was " + byteCap);
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero() || statementTimeout.toMinutes() > 10) {
            throw new IllegalArgumentException("zava.query.statement-timeout must be between 1 ms and 10 min, was "
                    + statementTimeout);
        }
        if (fetchSize < 1 || fetchSize > 10_000) {
            throw new IllegalArgumentException("zava.query.fetch-size must be between 1 and 10000, was " + fetchSize);
        }
    }
}
