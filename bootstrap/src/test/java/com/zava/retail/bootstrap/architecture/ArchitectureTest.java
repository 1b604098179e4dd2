package com.zava.retail.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks the production classes of every module against the architecture rules. */
@AnalyzeClasses(packages = ArchitectureRules.BASE,
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestSupport.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdk = ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK;
    @ArchTest
    static final ArchRule applicationDependsOnlyOnTheDomain = ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_DOMAIN;
    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER;
    @ArchTest
    static final ArchRule nothingDependsOnBootstrap = ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP;
    @ArchTest
    static final ArchRule mcpSdkOnlyInMcpAdapters = ArchitectureRules.MCP_SDK_ONLY_IN_MCP_ADAPTERS;
    @ArchTest
    static final ArchRule persistenceOnlyInPostgresAdapter = ArchitectureRules.PERSISTENCE_ONLY_IN_POSTGRES_ADAPTER;
    @ArchTest
    static final ArchRule redisOnlyInRedisAdapter = ArchitectureRules.REDIS_ONLY_IN_REDIS_ADAPTER;
    @ArchTest
    static final ArchRule embeddingClientsOnlyInEmbeddingsAdapter =
            ArchitectureRules.EMBEDDING_CLIENTS_ONLY_IN_EMBEDDINGS_ADAPTER;
    @ArchTest
    static final ArchRule noFieldInjection = ArchitectureRules.NO_FIELD_INJECTION;
    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.NO_PACKAGE_CYCLES;

    /** The test-support module is test code packaged as a jar; it is not part of the product. */
    static final class DoNotIncludeTestSupport implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("test-support") && !location.contains("/testsupport/");
        }
    }
}
