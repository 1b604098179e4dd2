package com.zava.retail.adapters.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The BERT word-piece tokenizer that all-MiniLM-L6-v2's {@code tokenizer.json} describes, in plain
 * Java: text in, the model's input ids out ({@code [CLS]}, word pieces, {@code [SEP]}).
 *
 * <p>Why not the Hugging Face tokenizer through DJL, which langchain4j uses: that one is a native
 * library extracted to the home directory at first use, plus its own heap of native memory; about
 * 20 MB of resident memory for what is a dictionary lookup. The steps below are those of the
 * Hugging Face {@code BertNormalizer}, {@code BertPreTokenizer} and {@code WordPiece} model with the
 * configuration this file carries (checked when it loads, so a different configuration fails
 * loudly instead of tokenizing differently); a test compares the ids with the Hugging Face
 * tokenizer's on catalogue-like text, hostile text and random strings.
 *
 * <p>One known difference: character classes come from the JDK's Unicode tables (Unicode 13 in
 * Java 17), Hugging Face's from older ones. For about 370 code points assigned or reclassified
 * since (combining marks such as U+1ABF, punctuation such as U+2E43 to U+2E4F, a few format
 * characters) the ids differ; for all other code points they are the same (checked one by one
 * against Hugging Face's tokenizer). None of them occurs in the catalogue.
 *
 * <ol>
 *   <li>Take the added tokens ({@code [CLS]}, {@code [SEP]}, {@code [MASK]}...) where they occur
 *       in the text as they are; the steps below apply to the text between them.</li>
 *   <li>Clean: drop NUL, U+FFFD and control or format characters (tab, newline and carriage
 *       return excepted); turn every white-space character into a space.</li>
 *   <li>Put spaces around CJK ideographs, so that each is a word of its own.</li>
 *   <li>Strip accents (canonical decomposition, then drop non-spacing marks) and lower-case.</li>
 *   <li>Split into words at white space, and around every punctuation character.</li>
 *   <li>Split each word into the longest vocabulary pieces from its start, later pieces with the
 *       {@code ##} prefix; a word that does not split, or is over 100 characters, is
 *       {@code [UNK]}.</li>
 *   <li>Keep the first {@value #MAX_TOKENS} tokens, markers included.</li>
 * </ol>
 *
 * <p>Immutable after loading and safe for concurrent use.
 */
final class BertWordPieceTokenizer {

    /** The model's (and tokenizer.json's truncation) limit, {@code [CLS]} and {@code [SEP]} included. */
    static final int MAX_TOKENS = 128;

    private static final String PREFIX = "##";
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocabulary;
    private final Map<String, Integer> addedTokens;
    private final int classifier;
    private final int separator;
    private final int unknown;

    private BertWordPieceTokenizer(Map<String, Integer> vocabulary, Map<String, Integer> addedTokens) {
        this.vocabulary = vocabulary;
        this.addedTokens = addedTokens;
        this.classifier = id(vocabulary, "[CLS]");
        this.separator = id(vocabulary, "[SEP]");
        this.unknown = id(vocabulary, "[UNK]");
    }

    /**
     * Reads a Hugging Face {@code tokenizer.json}.
     *
     * @throws IOException when it cannot be read, or describes another tokenizer than this class implements
     */
    static BertWordPieceTokenizer load(InputStream tokenizerJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(tokenizerJson);
        expect(root, "/normalizer/type", "BertNormalizer");
        expect(root, "/normalizer/clean_text", "true");
        expect(root, "/normalizer/handle_chinese_chars", "true");
        expect(root, "/normalizer/lowercase", "true");
        expect(root, "/normalizer/strip_accents", "null"); // null: strip when lower-casing
        expect(root, "/pre_tokenizer/type", "BertPreTokenizer");
        expect(root, "/model/type", "WordPiece");
        expect(root, "/model/continuing_subword_prefix", PREFIX);
        expect(root, "/model/max_input_chars_per_word", Integer.toString(MAX_WORD_CHARS));
        expect(root, "/model/unk_token", "[UNK]");
        expect(root, "/truncation/max_length", Integer.toString(MAX_TOKENS));
        JsonNode entries = root.at("/model/vocab");
        if (!entries.isObject() || entries.isEmpty()) {
            throw new IOException("tokenizer.json has no word-piece vocabulary");
        }
        Map<String, Integer> vocabulary = new HashMap<>(entries.size() * 4 / 3 + 1);
        entries.fields().forEachRemaining(entry -> vocabulary.put(entry.getKey(), entry.getValue().intValue()));
        Map<String, Integer> addedTokens = new HashMap<>();
        for (JsonNode added : root.path("added_tokens")) {
            // Added tokens that are matched after normalisation, or only as whole words, are not implemented.
            if (added.path("normalized").asBoolean(true) || added.path("single_word").asBoolean(true)
                    || added.path("lstrip").asBoolean(true) || added.path("rstrip").asBoolean(true)
                    || added.path("content").asText("").isEmpty()) {
                throw new IOException("tokenizer.json has an added token this tokenizer does not implement: " + added);
            }
            addedTokens.put(added.get("content").asText(), added.path("id").asInt());
        }
        return new BertWordPieceTokenizer(Map.copyOf(vocabulary), Map.copyOf(addedTokens));
    }

    /** The input ids of {@code text}: {@code [CLS]}, at most 126 word pieces, {@code [SEP]}. */
    long[] encode(String text) {
        long[] ids = new long[MAX_TOKENS];
        int count = 0;
        ids[count++] = classifier;
        int from = 0;
        while (from < text.length() && count < MAX_TOKENS - 1) {
            int[] added = nextAddedToken(text, from);
            int end = added == null ? text.length() : added[0];
            count = words(text.substring(from, end), ids, count);
            if (added != null && count < MAX_TOKENS - 1) {
                ids[count++] = added[2];
            }
            from = added == null ? end : added[1];
        }
        ids[count++] = separator;
        return Arrays.copyOf(ids, count);
    }

    /** The first added token at or after {@code from}, the longest there: start, end and id; or null. */
    private int[] nextAddedToken(String text, int from) {
        int[] first = null;
        for (Map.Entry<String, Integer> token : addedTokens.entrySet()) {
            int start = text.indexOf(token.getKey(), from);
            if (start >= 0 && (first == null || start < first[0]
                    || (start == first[0] && start + token.getKey().length() > first[1]))) {
                first = new int[] {start, start + token.getKey().length(), token.getValue()};
            }
        }
        return first;
    }

    /**
     * Appends the word pieces of {@code text}, which holds no added token, to {@code ids}, up to
     * the last place before {@code [SEP]}.
     */
    private int words(String text, long[] ids, int count) {
        String normalized = lowerCaseWithoutAccents(spacedIdeographs(clean(text)));
        int length = normalized.length();
        int index = 0;
        while (index < length && count < MAX_TOKENS - 1) {
            int codePoint = normalized.codePointAt(index);
            int width = Character.charCount(codePoint);
            if (codePoint == ' ') {
                index += width;
            } else if (isPunctuation(codePoint)) {
                ids[count++] = idOrUnknown(normalized.substring(index, index + width));
                index += width;
            } else {
                int end = index;
                while (end < length) {
                    int next = normalized.codePointAt(end);
                    if (next == ' ' || isPunctuation(next)) {
                        break;
                    }
                    end += Character.charCount(next);
                }
                count = wordPieces(normalized.substring(index, end), ids, count);
                index = end;
            }
        }
        return count;
    }

    /** Appends the pieces of {@code word} to {@code ids}, up to the last place before [SEP]. */
    private int wordPieces(String word, long[] ids, int count) {
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            ids[count] = unknown;
            return count + 1;
        }
        long[] pieces = new long[word.length()];
        int found = 0;
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer piece = null;
            while (start < end) {
                String candidate = start == 0 ? word.substring(0, end) : PREFIX + word.substring(start, end);
                piece = vocabulary.get(candidate);
                if (piece != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (piece == null) {
                ids[count] = unknown; // one piece that does not match makes the whole word unknown
                return count + 1;
            }
            pieces[found++] = piece;
            start = end;
        }
        int room = Math.min(found, MAX_TOKENS - 1 - count);
        System.arraycopy(pieces, 0, ids, count, room);
        return count + room;
    }

    private long idOrUnknown(String token) {
        Integer id = vocabulary.get(token);
        return id == null ? unknown : id;
    }

    private static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == 0 || codePoint == 0xFFFD || isControl(codePoint)) {
                return;
            }
            cleaned.appendCodePoint(isWhiteSpace(codePoint) ? ' ' : codePoint);
        });
        return cleaned.toString();
    }

    private static String spacedIdeographs(String text) {
        StringBuilder spaced = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (isCjkIdeograph(codePoint)) {
                spaced.append(' ').appendCodePoint(codePoint).append(' ');
            } else {
                spaced.appendCodePoint(codePoint);
            }
        });
        return spaced.toString();
    }

    /**
     * Character by character, as Hugging Face's normaliser does: {@link String#toLowerCase} would
     * turn a final capital sigma into the final form, which the vocabulary's tokenizer never does.
     */
    private static String lowerCaseWithoutAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(codePoint -> Character.getType(codePoint) != Character.NON_SPACING_MARK)
                .map(Character::toLowerCase)
                .forEach(stripped::appendCodePoint);
        return stripped.toString();
    }

    /**
     * Control, format, surrogate and private-use characters, but not tab, LF and CR. Unassigned
     * code points are kept, as Hugging Face keeps them (they end up as {@code [UNK]}).
     */
    private static boolean isControl(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    /**
     * Unicode's White_Space property, which the Hugging Face tokenizer uses. Java's
     * {@link Character#isWhitespace} leaves out the no-break spaces, so it would not do.
     */
    private static boolean isWhiteSpace(int codePoint) {
        return codePoint == ' ' || (codePoint >= 0x09 && codePoint <= 0x0D) || codePoint == 0x85 || codePoint == 0xA0
                || codePoint == 0x1680 || (codePoint >= 0x2000 && codePoint <= 0x200A) || codePoint == 0x2028
                || codePoint == 0x2029 || codePoint == 0x202F || codePoint == 0x205F || codePoint == 0x3000;
    }

    /** ASCII punctuation and symbols, and every character of Unicode's punctuation categories. */
    private static boolean isPunctuation(int codePoint) {
        if (codePoint < 0x80) {
            return (codePoint >= 33 && codePoint <= 47) || (codePoint >= 58 && codePoint <= 64)
                    || (codePoint >= 91 && codePoint <= 96) || (codePoint >= 123 && codePoint <= 126);
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * The CJK Unified Ideographs blocks, their extensions and compatibility blocks, as Hugging Face
     * has them: Extension E from U+2B920, where Google's BERT has U+2B820.
     */
    private static boolean isCjkIdeograph(int codePoint) {
        return (codePoint >= 0x4E00 && codePoint <= 0x9FFF) || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0x20000 && codePoint <= 0x2A6DF) || (codePoint >= 0x2A700 && codePoint <= 0x2B73F)
                || (codePoint >= 0x2B740 && codePoint <= 0x2B81F) || (codePoint >= 0x2B920 && codePoint <= 0x2CEAF)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF) || (codePoint >= 0x2F800 && codePoint <= 0x2FA1F);
    }

    private static void expect(JsonNode root, String pointer, String value) throws IOException {
        JsonNode node = root.at(pointer);
        String actual = node.isMissingNode() ? "missing" : node.isTextual() ? node.textValue() : node.toString();
        if (!actual.equals(value)) {
            throw new IOException("tokenizer.json " + pointer + " is " + actual + ", but this tokenizer implements "
                    + value);
        }
    }

    private static int id(Map<String, Integer> vocabulary, String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalStateException("tokenizer.json's vocabulary has no " + token);
        }
        return id;
    }
}
