package com.zava.retail.application.port.in;

import com.zava.retail.domain.ManagerId;

/** Decides whether a manager may make one more tool call now. */
public interface AdmitToolCallUseCase {

    /**
     * Counts one call against the caller's limit.
     *
     * @throws com.zava.retail.domain.RateLimitedException when the caller is over the limit; the
     *         message says the limit and when to try again
     */
    void admit(ManagerId caller);
}
