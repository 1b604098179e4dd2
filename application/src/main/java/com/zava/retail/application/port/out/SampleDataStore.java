package com.zava.retail.application.port.out;

import com.zava.retail.application.sampledata.SampleDataSet;

/** Where the sample data set is written: the retail database, loaded in bulk. */
public interface SampleDataStore {

    /** Whether the retail tables already hold data. */
    boolean hasData();

    /**
     * Replaces the whole content of the retail tables with the data set, atomically: after a
     * failure the tables are exactly as they were before.
     */
    void replaceAll(SampleDataSet data, SeedProgress progress);
}
