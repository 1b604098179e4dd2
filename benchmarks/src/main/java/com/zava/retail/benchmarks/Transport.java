package com.zava.retail.benchmarks;

/** The paths a query can take: straight to PostgreSQL, or through the server over one transport. */
enum Transport {
    RAW_JDBC("raw JDBC"),
    HTTP_STATEFUL("HTTP stateful"),
    HTTP_STATELESS("HTTP stateless"),
    STDIO("stdio");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
