package com.zava.retail.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifies the shape of a statement independent of its literal values and layout, so audit
 * records and logs can group "the same query" without storing what a manager looked for.
 */
public final class SqlFingerprint {

    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SqlFingerprint() {
    }

    /** Lower case, literals replaced by {@code ?}, white space folded. */
    public static String normalise(String sql) {
        String text = STRING.matcher(sql).replaceAll("?");
        text = NUMBER.matcher(text).replaceAll("?");
        return SPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** First 16 hex digits of the SHA-256 of the normalised text. */
    public static String of(String sql) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalise(sql).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
