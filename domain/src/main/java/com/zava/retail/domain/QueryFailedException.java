package com.zava.retail.domain;

/** The database could not run the caller's query; the message carries its reason. */
public final class QueryFailedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public QueryFailedException(String message) {
        super(ErrorCode.QUERY_FAILED, message);
    }
}
