package com.zava.retail.application.port.in;

import java.time.Instant;

/** The current instant, so a model can resolve "last quarter" or "this year" correctly. */
public interface GetCurrentUtcDateUseCase {

    Instant now();
}
