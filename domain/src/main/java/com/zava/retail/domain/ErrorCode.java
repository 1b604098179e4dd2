package com.zava.retail.domain;

/**
 * Stable codes of domain errors. Clients, audit records and metrics key on these, so a code is
 * never renamed or reused once released.
 */
public enum ErrorCode {
    /** The caller's input is malformed or out of range; the message says how to fix it. */
    INVALID_INPUT,
    /** The caller named something that does not exist, such as an unknown table. */
    NOT_FOUND,
    /** The request is well formed but not allowed, such as a statement that writes. */
    REJECTED,
    /** The database could not run the caller's query (syntax, unknown column, timeout, ...). */
    QUERY_FAILED,
    /** A dependency (database, embedding model) is unavailable; trying again later may work. */
    UNAVAILABLE,
    /** The caller made too many calls, or has too many running; the message says when to try again. */
    RATE_LIMITED
}
