package com.zava.retail.bootstrap;

import com.zava.retail.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that start the whole application on a random port: the small data set is
 * seeded first and the application is pointed at the test database. Subclasses carry their own
 * {@code @SpringBootTest} with the settings they test.
 */
abstract class SeededServerTest {

    protected static PostgresTestDatabase database;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void seedSmallDataSet() {
        database = SeededDatabase.seedSmall();
    }

    @DynamicPropertySource
    static void testDatabase(DynamicPropertyRegistry registry) {
        SeededDatabase.register(registry);
    }
}
