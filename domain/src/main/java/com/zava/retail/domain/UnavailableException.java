package com.zava.retail.domain;

/** A dependency is unavailable; the caller may try again later. */
public final class UnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}
