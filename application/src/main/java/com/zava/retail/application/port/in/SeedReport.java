package com.zava.retail.application.port.in;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a seed did.
 *
 * @param seeded    false when the database already held data and the command said to skip
 * @param asOf      last day with orders
 * @param rowCounts rows written per table (empty when skipped)
 * @param elapsed   wall-clock time of the whole seed
 */
public record SeedReport(boolean seeded, LocalDate asOf, Map<String, Integer> rowCounts, Duration elapsed) {

    public SeedReport {
        rowCounts = Map.copyOf(rowCounts);
    }
}
