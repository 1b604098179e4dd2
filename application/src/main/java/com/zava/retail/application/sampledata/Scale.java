package com.zava.retail.application.sampledata;

import java.util.Locale;

/**
 * How much sample data to generate. Both scales cover every store, category and year; {@code SMALL}
 * is for tests and seeds in a few seconds.
 */
public enum Scale {
    FULL(50_000, 200_000),
    SMALL(1_000, 3_000);

    private final int customers;
    private final int targetOrders;

    Scale(int customers, int targetOrders) {
        this.customers = customers;
        this.targetOrders = targetOrders;
    }

    public int customers() {
        return customers;
    }

    /** Expected number of orders; the generated count is within a fraction of a percent of it. */
    public int targetOrders() {
        return targetOrders;
    }

    /** Parses {@code full} or {@code small}, case-insensitively. */
    public static Scale parse(String text) {
        for (Scale scale : values()) {
            if (scale.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return scale;
            }
        }
        throw new IllegalArgumentException("Unknown scale '" + text + "': use full or small");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
