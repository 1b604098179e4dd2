package com.zava.retail.domain;

/** What a manager is looking for, in their own words ("waterproof box for outdoor electrics"). */
public record SearchPhrase(String value) {

    /** Longer texts would be cut by the embedding model anyway. */
    public static final int MAX_LENGTH = 1_000;

    public SearchPhrase {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("query_description is empty: describe the product you are looking for.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("query_description is " + value.length() + " characters long; the limit is "
                    + MAX_LENGTH + ". Describe the product in a sentence or two.");
        }
        value = value.strip();
    }
}
