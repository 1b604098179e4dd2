package com.zava.retail.domain;

/** How many rows a semantic search may return: 1 to {@value #MAX}. */
public record RowLimit(int value) {

    public static final int MAX = 100;
    public static final RowLimit DEFAULT = new RowLimit(20);

    public RowLimit {
        if (value < 1 || value > MAX) {
            throw new InvalidInputException("max_rows must be between 1 and " + MAX + ", was " + value + ".");
        }
    }
}
