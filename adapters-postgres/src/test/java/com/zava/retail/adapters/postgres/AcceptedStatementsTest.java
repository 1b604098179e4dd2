package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.domain.RejectedException;
import com.zava.retail.domain.SqlText;
import org.junit.jupiter.api.Test;

class AcceptedStatementsTest {

    @Test
    void theGuardRemembersWhatItAcceptedAndNothingItRefused() {
        String accepted = "SELECT count(*) AS remembered FROM retail.stores";
        String refused = "SELECT pg_sleep(1) AS remembered";

        SqlGuard.check(new SqlText(accepted));
        assertThatThrownBy(() -> SqlGuard.check(new SqlText(refused))).isInstanceOf(RejectedException.class);

        assertThat(SqlGuard.ACCEPTED.contains(accepted)).isTrue();
        assertThat(SqlGuard.ACCEPTED.contains(refused)).isFalse();
        assertThatThrownBy(() -> SqlGuard.check(new SqlText(refused))).isInstanceOf(RejectedException.class);
    }

    @Test
    void onlyTheExactTextIsRemembered() {
        String accepted = "SELECT store_name FROM retail.stores";
        SqlGuard.check(new SqlText(accepted));

        // An accepted text with something appended, or the same words differently written, is checked afresh.
        assertThatThrownBy(() -> SqlGuard.check(new SqlText(accepted + "; DELETE FROM retail.stores")))
                .isInstanceOf(RejectedException.class);
        assertThatThrownBy(() -> SqlGuard.check(new SqlText(accepted.replace("retail.stores", "pg_catalog.pg_authid"))))
                .isInstanceOf(RejectedException.class);
        assertThat(SqlGuard.ACCEPTED.contains(accepted.toLowerCase(java.util.Locale.ROOT))).isFalse();
    }

    @Test
    void keepsAtMostItsLimitLeastRecentlyUsedFirstOut() {
        AcceptedStatements texts = new AcceptedStatements();
        texts.add("SELECT 0");
        for (int i = 1; i <= AcceptedStatements.MAX_ENTRIES; i++) {
            texts.add("SELECT " + i);
            assertThat(texts.contains("SELECT 0")).isTrue(); // used again, so never the eldest
        }
        texts.add("SELECT last");

        assertThat(texts.size()).isEqualTo(AcceptedStatements.MAX_ENTRIES);
        assertThat(texts.contains("SELECT 0")).isTrue();
        assertThat(texts.contains("SELECT 1")).isFalse();
        assertThat(texts.contains("SELECT last")).isTrue();
    }

    @Test
    void longTextsAreNotKept() {
        AcceptedStatements texts = new AcceptedStatements();
        String longText = "SELECT 1 AS " + "x".repeat(AcceptedStatements.MAX_TEXT_LENGTH);

        texts.add(longText);

        assertThat(texts.contains(longText)).isFalse();
        assertThat(texts.size()).isZero();
    }
}
