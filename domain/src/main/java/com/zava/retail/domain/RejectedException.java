package com.zava.retail.domain;

/** A well-formed request that the product's rules do not allow. */
public final class RejectedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public RejectedException(String message) {
        super(ErrorCode.REJECTED, message);
    }
}
