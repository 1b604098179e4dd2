package com.zava.retail.domain;

/**
 * An expected failure the caller can act on. Its message is written for the caller (often a
 * language model), so it says what was wrong and how to fix it, and never contains secrets.
 * Unexpected failures are not domain exceptions.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, RejectedException, QueryFailedException,
        UnavailableException, RateLimitedException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    protected DomainException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
