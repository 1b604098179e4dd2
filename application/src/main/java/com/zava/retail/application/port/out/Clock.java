package com.zava.retail.application.port.out;

import java.time.Instant;

/** The current time, behind a port so that services are testable at any instant. */
public interface Clock {

    Instant now();
}
