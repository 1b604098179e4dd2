package com.zava.retail.domain;

/** Input that is malformed or out of range. */
public final class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(ErrorCode.INVALID_INPUT, message);
    }
}
