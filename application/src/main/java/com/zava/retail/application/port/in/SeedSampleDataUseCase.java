package com.zava.retail.application.port.in;

/** Fills the database with Zava's generated sample data set. */
public interface SeedSampleDataUseCase {

    /**
     * Seeds the database, all or nothing.
     *
     * @throws com.zava.retail.domain.RejectedException when data is present and the command
     *         neither replaces it nor asks to skip
     */
    SeedReport seed(SeedCommand command);
}
