package com.zava.retail.application.port.out;

/**
 * Progress of a long seed, for the person watching the terminal. Implementations must be cheap:
 * they are called often from tight loops.
 */
public interface SeedProgress {

    /** A step begins; {@code total} is the number of units it will process, or 0 when unknown. */
    void begin(String step, long total);

    /** {@code done} units of the current step are finished. */
    void advance(long done);

    /** The current step is finished. */
    void end();

    /** Progress that goes nowhere, for callers that do not watch. */
    SeedProgress SILENT = new SeedProgress() {
        @Override
        public void begin(String step, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void end() {
        }
    };
}
