package com.zava.retail.bootstrap.acceptance;

import io.cucumber.spring.CucumberContextConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application under test, started once for the whole suite on a random port, in the default
 * security mode (API keys), against the test database that {@link SuiteHooks} seeds first.
 *
 * <p>The per-manager tool-call rate limit is raised far above what the scenarios make, so only the
 * rate-limiting feature (which starts its own server with small limits) ever meets it.
 */
@CucumberContextConfiguration
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zava.security.mode=api-key",
        "zava.rate-limit.tool-calls.per-minute=" + SalesRecords.UNLIMITED_CALLS,
        "zava.rate-limit.tool-calls.burst=" + SalesRecords.UNLIMITED_CALLS})
public class AcceptanceApplication {

    @DynamicPropertySource
    static void testServices(DynamicPropertyRegistry registry) {
        SalesRecords.applicationSettings().forEach((name, value) -> registry.add(name, () -> value));
    }
}
