package com.zava.retail.domain;

/**
 * The text of one query a manager (usually through a language model) asks to run. Only size and
 * presence are checked here; what the statement may do is decided by the SQL guard and, below it,
 * by the database itself.
 */
public record SqlText(String value) {

    /** Longest accepted query text, in characters: analytic queries are far shorter. */
    public static final int MAX_LENGTH = 20_000;

    public SqlText {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("postgresql_query is empty: pass one SELECT statement.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("postgresql_query is " + value.length() + " characters long; the limit is "
                    + MAX_LENGTH + ". Write a shorter query.");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException("postgresql_query contains a NUL character, which PostgreSQL cannot accept.");
        }
    }
}
