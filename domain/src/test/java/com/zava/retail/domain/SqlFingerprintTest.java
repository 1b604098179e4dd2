package com.zava.retail.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlFingerprintTest {

    @Test
    void literalsCaseAndLayoutDoNotChangeTheFingerprint() {
        assertThat(SqlFingerprint.of("SELECT * FROM retail.orders WHERE store_id = 1 AND note = 'a'"))
                .isEqualTo(SqlFingerprint.of("select *\n  from retail.orders where store_id = 42 and note = 'it''s'"))
                .hasSize(16);
    }

    @Test
    void differentShapesDiffer() {
        assertThat(SqlFingerprint.of("SELECT count(*) FROM retail.orders"))
                .isNotEqualTo(SqlFingerprint.of("SELECT count(*) FROM retail.customers"));
    }
}
