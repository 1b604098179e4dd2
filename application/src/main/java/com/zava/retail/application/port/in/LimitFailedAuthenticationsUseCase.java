package com.zava.retail.application.port.in;

import java.time.Duration;

/** Slows down guessing of credentials: a client address that fails too often must wait. */
public interface LimitFailedAuthenticationsUseCase {

    /** How long the address must wait before it may try to authenticate; zero when it may now. */
    Duration waitBeforeAttempt(String clientAddress);

    /** Counts one failed authentication from the address. */
    void failed(String clientAddress);
}
