package com.zava.retail.bootstrap.acceptance;

import com.zava.retail.application.port.in.SeedCommand;
import com.zava.retail.application.port.in.SeedReport;
import com.zava.retail.application.port.in.SeedSampleDataUseCase;
import com.zava.retail.application.sampledata.Scale;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once per suite: an empty database before the application starts (it migrates it), the sample
 * data seeded by the application itself before the first scenario, and the stdio servers stopped
 * at the end.
 */
public class SuiteHooks {

    private static final AtomicBoolean SEEDED = new AtomicBoolean();

    private final SeedSampleDataUseCase sampleData;

    public SuiteHooks(SeedSampleDataUseCase sampleData) {
        this.sampleData = sampleData;
    }

    @BeforeAll
    public static void startFromAnEmptyDatabase() {
        SalesRecords.database().dropSchemas("retail", "audit", "auth", "zava_migrations");
    }

    /**
     * The small sample data set with orders up to today, as {@code make run} seeds it, so that "last
     * quarter" always has sales. Seeded through the running application's own use case, which saves
     * starting a second application and loading the embedding model twice.
     */
    @Before(order = 0)
    public void seedTheSampleDataOnce() {
        if (SEEDED.compareAndSet(false, true)) {
            SeedReport report = sampleData.seed(new SeedCommand(Scale.SMALL, 7L, Optional.empty(),
                    SeedCommand.IfSeeded.REFUSE));
            if (!report.seeded()) {
                throw new IllegalStateException("The test database was not empty; nothing was seeded");
            }
        }
    }

    @AfterAll
    public static void stopTheStdioServers() {
        StdioServers.stopAll();
    }
}
