package com.zava.retail.adapters.postgres;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;

/** Gates for adapter tests that are not about the gate. */
final class TestGates {

    private TestGates() {
    }

    /** A fresh breaker and room for far more concurrent reads than a test makes. */
    static DatabaseGate open() {
        return new DatabaseGate(CircuitBreaker.ofDefaults("test"), 64, Duration.ofSeconds(5));
    }
}
