package com.zava.retail.adapters.embeddings;

import java.time.Duration;

/**
 * Why one request to the remote embedding service failed, in words a caller (often a language
 * model) can act on. It never carries the URL, the key or the provider's own error text: those can
 * contain secrets (providers echo part of a rejected key), and the circuit breaker keeps recent
 * failures in its event buffer, which the actuator can show.
 */
final class EmbeddingServiceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Who can fix it, which decides what the breaker records and what the caller is told. */
    enum Kind {
        /** The service is down, slow or overloaded: counts against it, and trying later may work. */
        OUTAGE,
        /** The configuration is wrong (key, URL, model): counts against the service; retrying cannot help. */
        OPERATOR,
        /** The service is up but refused this one input: does not count against it. */
        REQUEST
    }

    /** What the failed work was for; it decides the opening and closing words of the message. */
    enum Purpose {
        SEARCH("Product search is unavailable: ", "; the other tools still work.", "searches"),
        SEED("Embedding the product descriptions failed: ", ".", "requests");

        private final String opening;
        private final String closing;
        private final String calls;

        Purpose(String opening, String closing, String calls) {
            this.opening = opening;
            this.closing = closing;
            this.calls = calls;
        }

        String sentence(String reason, String advice) {
            return opening + reason + ". " + advice + closing;
        }
    }

    private static final String TRY_AGAIN = "Try again in a moment";

    private final Kind kind;
    private final String summary;
    private final String advice;

    private EmbeddingServiceFailure(Kind kind, String reason, String summary, String advice) {
        // No stack trace: this is an expected outcome, created often while the service is down.
        super(reason, null, false, false);
        this.kind = kind;
        this.summary = summary;
        this.advice = advice;
    }

    static EmbeddingServiceFailure timeout(Duration limit) {
        String within = seconds(limit);
        return new EmbeddingServiceFailure(Kind.OUTAGE, "the embedding service did not answer within " + within,
                "no answer within " + within, TRY_AGAIN);
    }

    static EmbeddingServiceFailure unreachable() {
        return new EmbeddingServiceFailure(Kind.OUTAGE, "the embedding service could not be reached",
                "not reachable", TRY_AGAIN);
    }

    static EmbeddingServiceFailure unreadable(String what) {
        return new EmbeddingServiceFailure(Kind.OUTAGE, "the embedding service sent " + what,
                what, TRY_AGAIN);
    }

    static EmbeddingServiceFailure wrongDimensions(int actual, int expected) {
        return new EmbeddingServiceFailure(Kind.OPERATOR, "the embedding service returned vectors of " + actual
                + " dimensions instead of the configured " + expected,
                "vectors of " + actual + " dimensions instead of " + expected,
                operatorMustFix("the embedding model and dimensions settings"));
    }

    /** A non-2xx status; only the number is used, never the provider's error text. */
    static EmbeddingServiceFailure status(int status) {
        String http = "HTTP " + status;
        if (status == 401 || status == 403) {
            return new EmbeddingServiceFailure(Kind.OPERATOR,
                    "the embedding service rejected this server's credentials (" + http + ")",
                    "credentials rejected, " + http, operatorMustFix("the server's embedding API key"));
        }
        if (status == 404) {
            return new EmbeddingServiceFailure(Kind.OPERATOR,
                    "the embedding service does not know the configured endpoint or model (" + http + ")",
                    "endpoint or model unknown, " + http, operatorMustFix("the embedding base URL or model"));
        }
        if (status == 429) {
            return new EmbeddingServiceFailure(Kind.OUTAGE,
                    "the embedding service is limiting this server's requests (" + http + ")",
                    http, "Try again in a minute");
        }
        if (status == 408 || status >= 500) {
            return new EmbeddingServiceFailure(Kind.OUTAGE, "the embedding service is failing (" + http + ")",
                    http, TRY_AGAIN);
        }
        if (status >= 400) {
            // 400/413/422: typically this input (too long, filtered). The service is up, so the
            // breaker must not count it; a configuration error here would fail fast anyway.
            return new EmbeddingServiceFailure(Kind.REQUEST,
                    "the embedding service refused the text (" + http + ")",
                    http, "A shorter, plainer phrase may work");
        }
        // Redirects are not followed: a key must not travel to wherever a redirect points.
        return new EmbeddingServiceFailure(Kind.OPERATOR,
                "the embedding service answered with an unexpected " + http,
                http, operatorMustFix("the embedding base URL"));
    }

    Kind kind() {
        return kind;
    }

    /** Whether the breaker records this as a failure of the service. */
    boolean countsAgainstService() {
        return kind != Kind.REQUEST;
    }

    /** The whole message for the caller. */
    String message(Purpose purpose) {
        return purpose.sentence(getMessage(), advice);
    }

    /** The message when the breaker refuses calls; names the last failure so its cause stays visible. */
    static String refused(Purpose purpose, Duration openFor, EmbeddingServiceFailure last) {
        String wait = seconds(openFor);
        String reason = "the embedding service failed repeatedly" + (last == null ? "" : " (last: " + last.summary + ")")
                + ", so " + purpose.calls + " are refused for " + wait + " without trying";
        String advice = last != null && last.kind == Kind.OPERATOR ? last.advice : "Try again in " + wait;
        return purpose.sentence(reason, advice);
    }

    /** Short form for logs. */
    String summary() {
        return summary;
    }

    private static String operatorMustFix(String what) {
        return "Retrying will not help: the server's operator must fix " + what;
    }

    /** "2 s", "1.5 s", "300 ms": whole seconds where possible, since that is how timeouts are configured. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return Math.max(millis, 1) + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
