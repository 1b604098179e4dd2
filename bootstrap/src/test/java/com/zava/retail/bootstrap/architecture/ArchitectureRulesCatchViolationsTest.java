package com.zava.retail.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.zava.retail.adapters.mcp.http.archviolation.HttpTransportUsingJdbc;
import com.zava.retail.adapters.postgres.MigrationSettings;
import com.zava.retail.adapters.postgres.archviolation.PostgresAdapterUsingOtherTechnologies;
import com.zava.retail.adapters.redis.archviolation.RedisAdapterUsingPostgresAdapter;
import com.zava.retail.application.archviolation.ApplicationUsingAnAdapter;
import com.zava.retail.bootstrap.archviolation.FieldInjected;
import com.zava.retail.bootstrap.archviolation.cyclea.CycleA;
import com.zava.retail.bootstrap.archviolation.cycleb.CycleB;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.archviolation.DomainUsingFrameworks;
import com.zava.retail.domain.archviolation.DomainUsingJdbcOnly;
import org.junit.jupiter.api.Test;

/**
 * Proves that every architecture rule fails on a class that breaks it. The fixture classes live
 * in test sources under {@code archviolation} packages, so the real check never sees them.
 */
class ArchitectureRulesCatchViolationsTest {

    @Test
    void domainRuleCatchesSpringJdbcAndMcp() {
        assertViolated(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK, DomainUsingFrameworks.class);
        assertViolated(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK, DomainUsingJdbcOnly.class);
        assertHolds(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK, ManagerId.class);
    }

    @Test
    void applicationRuleCatchesAdapterUse() {
        assertViolated(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_DOMAIN, ApplicationUsingAnAdapter.class);
    }

    @Test
    void adapterIndependenceRuleCatchesAdapterToAdapterDependency() {
        assertViolated(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                RedisAdapterUsingPostgresAdapter.class, MigrationSettings.class);
    }

    @Test
    void bootstrapRuleCatchesInwardDependencyOnBootstrap() {
        assertViolated(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, PostgresAdapterUsingOtherTechnologies.class);
    }

    @Test
    void mcpRuleCatchesSdkOutsideMcpAdapters() {
        assertViolated(ArchitectureRules.MCP_SDK_ONLY_IN_MCP_ADAPTERS, PostgresAdapterUsingOtherTechnologies.class);
        assertViolated(ArchitectureRules.MCP_SDK_ONLY_IN_MCP_ADAPTERS, DomainUsingFrameworks.class);
    }

    @Test
    void persistenceRuleCatchesJdbcOutsidePostgresAdapter() {
        assertViolated(ArchitectureRules.PERSISTENCE_ONLY_IN_POSTGRES_ADAPTER, HttpTransportUsingJdbc.class);
        assertViolated(ArchitectureRules.PERSISTENCE_ONLY_IN_POSTGRES_ADAPTER, DomainUsingJdbcOnly.class);
    }

    @Test
    void redisRuleCatchesRedisOutsideRedisAdapter() {
        assertViolated(ArchitectureRules.REDIS_ONLY_IN_REDIS_ADAPTER, PostgresAdapterUsingOtherTechnologies.class);
    }

    @Test
    void embeddingsRuleCatchesHttpClientOutsideEmbeddingsAdapter() {
        assertViolated(ArchitectureRules.EMBEDDING_CLIENTS_ONLY_IN_EMBEDDINGS_ADAPTER,
                PostgresAdapterUsingOtherTechnologies.class);
    }

    @Test
    void fieldInjectionRuleCatchesAutowiredField() {
        assertViolated(ArchitectureRules.NO_FIELD_INJECTION, FieldInjected.class);
    }

    @Test
    void cycleRuleCatchesPackageCycle() {
        assertViolated(ArchitectureRules.NO_PACKAGE_CYCLES, CycleA.class, CycleB.class);
    }

    private static void assertViolated(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        assertThatThrownBy(() -> rule.check(classes))
                .as("rule '%s' must reject %s", rule.getDescription(), (Object) fixtures)
                .isInstanceOf(AssertionError.class);
    }

    private static void assertHolds(ArchRule rule, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        assertThatCode(() -> rule.check(imported)).doesNotThrowAnyException();
    }
}
