package com.zava.retail.adapters.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every key this server writes: under {@code zava:v1:} so a later format can live beside this one
 * (v2 keys are simply new keys) and an operator can find ours. Parts a caller chooses (phrases,
 * statements, addresses) enter as a hash, so no key is longer than about 100 bytes.
 */
final class RedisKeys {

    static final String PREFIX = "zava:v1:";

    /** Keys that can stand in a Redis key as they are; compiled once, since every tool call asks. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[0-9A-Za-z.:_-]+");

    private RedisKeys() {
    }

    static String schema(String table, String manager) {
        return PREFIX + "schema:" + table + ":" + manager;
    }

    static String embedding(String model, String normalisedText) {
        return PREFIX + "emb:" + model + ":" + sha256(normalisedText);
    }

    static String queryResult(String manager, String normalisedSql) {
        return PREFIX + "qr:" + manager + ":" + sha256(normalisedSql);
    }

    static String rateLimit(String limit, String key) {
        return PREFIX + "rl:" + limit + ":" + (key.length() <= 64 && PLAIN_KEY.matcher(key).matches() ? key : sha256(key));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
