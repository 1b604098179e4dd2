package com.zava.retail.application.port.in;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;

/** Runs one read-only query as the caller, who sees only their store's rows. */
public interface RunSalesQueryUseCase {

    /**
     * @throws com.zava.retail.domain.InvalidInputException for empty or oversized text
     * @throws com.zava.retail.domain.RejectedException when the statement is not one read-only query
     * @throws com.zava.retail.domain.QueryFailedException when the database cannot run it
     */
    QueryResult run(ManagerId caller, String postgresqlQuery);
}
