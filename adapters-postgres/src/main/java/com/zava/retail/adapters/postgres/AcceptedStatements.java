package com.zava.retail.adapters.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statement texts the {@link SqlGuard} accepted lately, so that the same text asked again (an
 * agent repeating or retrying a question, a dashboard polling) is not parsed again: parsing is
 * the guard's main cost, about 0.6 ms of a 12 ms aggregate on two cores. The verdict depends on
 * the text alone, so a text seen before gets the same verdict; only acceptances are kept, so a
 * refused text is checked, and its message built, every time.
 *
 * <p>Bounded in count and in text length (at most {@value #MAX_ENTRIES} texts of up to
 * {@value #MAX_TEXT_LENGTH} characters, under 1 MB), least recently used first out.
 */
final class AcceptedStatements {

    static final int MAX_ENTRIES = 256;
    static final int MAX_TEXT_LENGTH = 2_000;

    private final Map<String, Boolean> texts = new LinkedHashMap<>(MAX_ENTRIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized boolean contains(String text) {
        return texts.get(text) != null;
    }

    synchronized void add(String text) {
        if (text.length() <= MAX_TEXT_LENGTH) {
            texts.put(text, Boolean.TRUE);
        }
    }

    synchronized int size() {
        return texts.size();
    }
}
