package com.zava.retail.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The dependency rules of ARCHITECTURE.md section 9. Each rule is proved able to fail by
 * {@link ArchitectureRulesCatchViolationsTest}; a rule that cannot fail protects nothing.
 */
final class ArchitectureRules {

    static final String BASE = "com.zava.retail";
    static final String DOMAIN = BASE + ".domain..";
    static final String APPLICATION = BASE + ".application..";
    static final String ADAPTERS = BASE + ".adapters..";
    static final String MCP_ADAPTERS = BASE + ".adapters.mcp..";
    static final String MCP_CORE = BASE + ".adapters.mcp.core..";
    static final String MCP_TRANSPORTS_HTTP = BASE + ".adapters.mcp.http..";
    static final String MCP_TRANSPORTS_STDIO = BASE + ".adapters.mcp.stdio..";
    static final String POSTGRES_ADAPTER = BASE + ".adapters.postgres..";
    static final String REDIS_ADAPTER = BASE + ".adapters.redis..";
    static final String EMBEDDINGS_ADAPTER = BASE + ".adapters.embeddings..";
    static final String BOOTSTRAP = BASE + ".bootstrap..";

    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(resideInAnyPackage(DOMAIN, "java..")
                    .and(not(resideInAnyPackage("java.sql..", "java.net.http.."))))
            .because("the domain is the retail vocabulary: it must stay readable and testable without any "
                    + "framework, database or protocol (ARCHITECTURE.md section 2)");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_THE_DOMAIN = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat(resideInAnyPackage(APPLICATION, DOMAIN, "java..",
                            "org.springframework.transaction.annotation..")
                    .and(not(resideInAnyPackage("java.sql..", "java.net.http.."))))
            .because("use cases talk to the outside only through their ports, so adapters can be swapped and "
                    + "services tested with in-memory fakes; spring-tx's @Transactional is the one allowed annotation");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices().assignedFrom(new AdapterModules())
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAnyPackage(MCP_TRANSPORTS_HTTP, MCP_TRANSPORTS_STDIO), resideInAPackage(MCP_CORE))
            .because("each adapter implements ports for one technology; coupling them would let one technology's "
                    + "failure or change leak into another (only the MCP transports share adapters-mcp-core)");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap is the outermost ring that wires everything; depending on it inverts the architecture");

    static final ArchRule MCP_SDK_ONLY_IN_MCP_ADAPTERS = noClasses().that().resideOutsideOfPackage(MCP_ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage("io.modelcontextprotocol..")
            .because("the protocol is a delivery detail: use cases must not change when MCP does");

    static final ArchRule PERSISTENCE_ONLY_IN_POSTGRES_ADAPTER = noClasses().that().resideOutsideOfPackage(POSTGRES_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..",
                    "org.hibernate..", "org.postgresql..", "org.flywaydb..", "org.springframework.jdbc..",
                    "org.springframework.data.jpa..", "com.zaxxer.hikari..")
            .because("adapters-postgres is the only module that knows SQL, which keeps the SQL guard and the "
                    + "row-level security context in one place");

    static final ArchRule REDIS_ONLY_IN_REDIS_ADAPTER = noClasses().that().resideOutsideOfPackage(REDIS_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..",
                    "redis.clients..")
            .because("Redis is an optional accelerator behind ports; the rest of the server must work without it");

    static final ArchRule EMBEDDING_CLIENTS_ONLY_IN_EMBEDDINGS_ADAPTER = noClasses()
            .that().resideOutsideOfPackage(EMBEDDINGS_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "ai.onnxruntime..", "ai.djl..",
                    "java.net.http..")
            .because("the embedding model is chosen by configuration behind the TextEmbedder port; ONNX and HTTP "
                    + "clients must not leak into other modules");

    static final ArchRule NO_FIELD_INJECTION = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("constructor injection makes dependencies explicit and lets classes be built in tests "
                    + "without a container");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(BASE + ".(**)")
            .should().beFreeOfCycles()
            .because("cycles make packages impossible to understand, test or move on their own");

    /** Assigns each adapter class to its module; classes outside the adapters get no slice. */
    static final class AdapterModules implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            String prefix = BASE + ".adapters.";
            if (!name.startsWith(prefix)) {
                return SliceIdentifier.ignore();
            }
            String[] parts = name.substring(prefix.length()).split("\\.");
            String module = parts[0].equals("mcp") && parts.length > 1 ? "mcp." + parts[1] : parts[0];
            return SliceIdentifier.of("adapters-" + module.replace('.', '-'));
        }

        @Override
        public String getDescription() {
            return "adapter modules";
        }
    }
}
