package com.zava.retail.application.service;

import com.zava.retail.application.port.in.GetCurrentUtcDateUseCase;
import com.zava.retail.application.port.out.Clock;
import java.time.Instant;

/** The current instant from the clock port. */
public final class CurrentTimeService implements GetCurrentUtcDateUseCase {

    private final Clock clock;

    public CurrentTimeService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.now();
    }
}
