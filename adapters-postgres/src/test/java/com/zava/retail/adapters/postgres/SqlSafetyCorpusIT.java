package com.zava.retail.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.sampledata.Catalogue;
import com.zava.retail.application.sampledata.Rows;
import com.zava.retail.application.sampledata.SampleDataGenerator;
import com.zava.retail.application.sampledata.SampleDataSet;
import com.zava.retail.application.sampledata.Scale;
import com.zava.retail.application.service.FakeTextEmbedder;
import com.zava.retail.domain.DomainException;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.SqlText;
import com.zava.retail.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two checked-in corpora against the real database: every realistic analytic query passes
 * the guard and returns exactly what the database returns for the same manager; every hostile
 * case is refused, leaves the data as it was and never disturbs another session; and where a
 * case is tagged {@code database}, the database refuses it on its own with the guard bypassed.
 */
class SqlSafetyCorpusIT {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static PostgresTestDatabase database;
    private static PostgresSalesQueries queries;
    private static ManagerTransactions transactions;
    private static Map<String, String> before;
    private static Connection witness;

    @BeforeAll
    static void seedAndOpenAWitnessSession() throws SQLException {
        FakeTextEmbedder embedder = new FakeTextEmbedder();
        database = TestSchema.recreate(embedder.model().dimensions());
        SampleDataSet data = new SampleDataGenerator(Catalogue.zava()).generate(Scale.SMALL, 5, LocalDate.of(2026, 11, 27));
        data = data.withEmbeddings(data.products().stream().map(p -> new Rows.ProductEmbedding(p.productId(),
                embedder.model().id(), embedder.embed(p.productDescription()), Instant.parse("2026-11-27T00:00:00Z")))
                .toList());
        new PostgresSampleDataStore(database.ownerDataSource()).replaceAll(data, SeedProgress.SILENT);
        transactions = new ManagerTransactions(database.appDataSource(), TestGates.open());
        queries = new PostgresSalesQueries(transactions, new SalesQueryProperties(500, 1_048_576, TIMEOUT, 200));
        before = TestSchema.checksums(database);
        witness = database.ownerDataSource().getConnection();
    }

    @AfterAll
    static void closeWitness() throws SQLException {
        witness.close();
    }

    static Stream<SqlCorpus.Case> analytics() {
        return SqlCorpus.load("/sql-corpus/analytics.sql").cases().stream();
    }

    static Stream<SqlCorpus.Case> hostile() {
        return SqlCorpus.load("/sql-corpus/hostile.sql").cases().stream();
    }

    static Stream<SqlCorpus.Case> databaseLayer() {
        return hostile().filter(c -> "database".equals(c.layer()));
    }

    @Test
    void theCorporaAreAsLargeAsAgreed() {
        assertThat(analytics().count()).isGreaterThanOrEqualTo(40);
        assertThat(hostile().count()).isGreaterThanOrEqualTo(60);
        assertThat(hostile()).allSatisfy(c -> assertThat(c.layer()).isIn("parser", "database"));
    }

    @Test
    void aTenMillionRowResultIsStreamedAndCutNotLoaded() {
        QueryResult result = queries.run(SEATTLE, new SqlText(
                "SELECT g, repeat('x', 100) AS padding FROM generate_series(1, 10000000) AS g"));
        assertThat(result.rows()).hasSize(500);
        assertThat(result.truncation()).hasValueSatisfying(reason -> assertThat(reason).contains("row cap of 500"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analytics")
    void analyticQueriesPassAndReturnWhatTheDatabaseReturns(SqlCorpus.Case query) throws SQLException {
        QueryResult viaTool = queries.run(SEATTLE, new SqlText(query.sql()));
        List<List<Object>> direct = transactions.readOnly(SEATTLE, TIMEOUT, connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(query.sql())) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(PostgresSalesQueries.jsonValue(rs.getObject(c)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
        assertThat(viaTool.truncated()).as("keep corpus results under the caps").isFalse();
        assertThat(viaTool.rows()).isEqualTo(direct);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileCasesAreRefusedWithAnActionableMessage(SqlCorpus.Case attack) throws SQLException {
        Throwable thrown = catchThrowable(() -> queries.run(SEATTLE, new SqlText(attack.sql())));
        assertThat(thrown).as(attack.name()).isInstanceOf(DomainException.class);
        assertThat(thrown.getMessage()).isNotBlank();
        assertUndisturbed();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseLayer")
    void theDatabaseAloneRefusesWhatIsTaggedForItWithTheGuardBypassed(SqlCorpus.Case attack) throws SQLException {
        assertThatThrownBy(() -> transactions.readOnly(SEATTLE, TIMEOUT, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(attack.sql());
                return null;
            }
        })).as(attack.name()).isInstanceOf(SQLException.class);
        assertUndisturbed();
    }

    /** No data changed, the witness session is alive and unblocked, no advisory lock is held. */
    private static void assertUndisturbed() throws SQLException {
        assertThat(TestSchema.checksums(database)).isEqualTo(before);
        try (Statement statement = witness.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("advisory locks held").isZero();
            }
        }
    }
}
