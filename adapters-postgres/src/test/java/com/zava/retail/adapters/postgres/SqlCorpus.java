package com.zava.retail.adapters.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked-in corpus of SQL cases: {@code -- name: x}, optionally {@code -- layer: parser|database},
 * then the SQL up to the next {@code -- name:} line.
 */
record SqlCorpus(List<SqlCorpus.Case> cases) {

    /** One query of the corpus. */
    record Case(String name, String layer, String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    static SqlCorpus load(String resource) {
        try (InputStream in = SqlCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SqlCorpus parse(String text) {
        List<Case> cases = new ArrayList<>();
        String name = null;
        String layer = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    cases.add(new Case(name, layer, sql.toString().strip()));
                }
                name = line.substring("-- name:".length()).strip();
                layer = null;
                sql.setLength(0);
            } else if (line.startsWith("-- layer:") && sql.length() == 0 && name != null) {
                layer = line.substring("-- layer:".length()).strip();
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            cases.add(new Case(name, layer, sql.toString().strip()));
        }
        return new SqlCorpus(cases);
    }
}
