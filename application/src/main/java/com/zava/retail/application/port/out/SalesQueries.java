package com.zava.retail.application.port.out;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.SqlText;

/**
 * Runs a manager's own read-only SQL against the sales data, under that manager's row-level
 * security, cut at the configured row and size caps.
 */
public interface SalesQueries {

    /**
     * @throws com.zava.retail.domain.RejectedException when the statement is not one read-only query
     * @throws com.zava.retail.domain.QueryFailedException when the database cannot run it
     * @throws com.zava.retail.domain.UnavailableException when the database cannot be reached
     */
    QueryResult run(ManagerId caller, SqlText sql);
}
