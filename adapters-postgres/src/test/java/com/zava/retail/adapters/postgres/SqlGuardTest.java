package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.domain.RejectedException;
import com.zava.retail.domain.SqlText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1",
        "select count(*) from retail.orders;",
        "  (SELECT 1) UNION (SELECT 2)  ",
        "WITH q AS (SELECT 1 AS x) SELECT x FROM q",
        "SELECT ';' AS semicolon, 'it''s; fine' FROM retail.stores",
        "SELECT 1 -- trailing comment; with a semicolon",
        "SELECT /* a ; b /* nested ; */ still comment */ 1",
        "SELECT $$ ; DROP TABLE x $$ AS text",
        "SELECT $tag$ ; $tag$ AS text",
        "SELECT \"weird;name\" FROM (SELECT 1 AS \"weird;name\") t",
        "SELECT E'escaped \\' ; quote' AS s",
        "SELECT store_name, updated FROM (SELECT store_name, 1 AS updated FROM retail.stores) s"})
    void acceptsOneReadOnlyStatement(String sql) {
        assertThatCode(() -> SqlGuard.check(new SqlText(sql))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1; SELECT 2",
        "SELECT 1; COMMIT; DROP TABLE retail.orders",
        "SELECT 1 /* ; */; DELETE FROM retail.orders",
        "SELECT '; ' ; DROP TABLE retail.orders",
        "SELECT $$x$$; DROP TABLE retail.orders",
        "DELETE FROM retail.orders",
        "UPDATE retail.orders SET store_id = 1",
        "INSERT INTO retail.orders VALUES (1)",
        "WITH d AS (DELETE FROM retail.orders RETURNING *) SELECT * FROM d",
        "SET ROLE postgres",
        "SELECT 1 FOR UPDATE",
        "SELECT * INTO evil FROM retail.orders",
        "COPY retail.orders TO STDOUT",
        "EXPLAIN ANALYZE SELECT 1",
        "-- only a comment",
        "/* nothing */ ;",
        "DO $$ BEGIN PERFORM 1; END $$",
        // a type name ending in e is not an escape-string prefix: the ';' here is real
        "SELECT name'\\'; DELETE FROM retail.orders; --'",
        // a WITH query named like a catalog table must not let an out-of-scope reference read the catalog
        "SELECT * FROM pg_roles WHERE EXISTS (WITH pg_roles AS (SELECT 1) SELECT * FROM pg_roles)",
        "SELECT * FROM retail.orders WHERE store_id = (SELECT current_setting('zava.manager_id')::int)",
        "SELECT * FROM audit.tool_calls"})
    void rejectsEverythingElseWithGuidance(String sql) {
        assertThatThrownBy(() -> SqlGuard.check(new SqlText(sql))).isInstanceOf(RejectedException.class)
                .hasMessageMatching("(?s).*(SELECT|statement|allowed|SQL|reserved|not available).*");
    }
}
