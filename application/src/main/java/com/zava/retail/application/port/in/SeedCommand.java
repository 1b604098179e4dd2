package com.zava.retail.application.port.in;

import com.zava.retail.application.sampledata.Scale;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to seed.
 *
 * @param scale      how much data
 * @param seed       random seed; the same seed and as-of date give identical tables
 * @param asOf       last day with orders; empty means today (UTC), so "last quarter" always has data
 * @param ifSeeded   what to do when the database already holds data
 */
public record SeedCommand(Scale scale, long seed, Optional<LocalDate> asOf, IfSeeded ifSeeded) {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42L;

    /** Behaviour when data is already there. */
    public enum IfSeeded {
        /** Refuse with a message that says how to replace. */
        REFUSE,
        /** Replace the existing data (all or nothing). */
        REPLACE,
        /** Leave the existing data alone and report that nothing was done. */
        SKIP
    }

    public SeedCommand {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(ifSeeded, "ifSeeded");
    }
}
