package com.zava.retail.application.port.in;

import com.zava.retail.domain.ManagerId;
import java.util.Optional;

/** Tells which manager a presented API key acts for, if it is genuine and not revoked. */
public interface AuthenticateApiKeyUseCase {

    /** Empty for anything malformed, unknown, wrong or revoked: callers must not learn which. */
    Optional<ManagerId> authenticate(String presentedKey);
}
