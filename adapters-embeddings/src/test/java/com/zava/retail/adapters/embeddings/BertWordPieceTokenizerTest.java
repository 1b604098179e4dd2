package com.zava.retail.adapters.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our tokenizer against Hugging Face's own (the native one langchain4j uses, through DJL), reading
 * the same {@code tokenizer.json}: the ids must be the same for catalogue text, for hostile text,
 * and for thousands of random strings drawn from the characters where tokenizers differ.
 */
class BertWordPieceTokenizerTest {

    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    private static BertWordPieceTokenizer ours;
    private static HuggingFaceTokenizer reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream json = resource()) {
            ours = BertWordPieceTokenizer.load(json);
        }
        try (InputStream json = resource()) {
            reference = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
        }
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    static Stream<String> texts() {
        return Stream.of(
                "Cordless drill with a spare battery for deck screws",
                "Weatherproof single-gang outlet box for exterior walls",
                "3/4\" x 10' PVC conduit, schedule 40 (UL-listed)",
                "Zava's 18V brushless impact driver - 2 x 4.0Ah batteries & charger",
                "SELECT * FROM retail.products; -- not SQL here, just text",
                "Café crème, façade, naïve, Ångström, Øresund, Straße, İstanbul",
                "ΟΔΟΣ ΣΟΦΙΑΣ and ОТВЁРТКА: Greek and Cyrillic capitals",
                "电钻 和 油漆刷, 日本語のテキスト, 한국어 텍스트",
                "emoji 😀👍🏽 inside words like drill😀bit",
                "no\u00A0break\u2003em\u3000ideographic\u2028line separators",
                "tabs\tnew\nlines\rand\u000Bvertical\u000Cfeeds\u0085next",
                "zero\u200Bwidth\u200Djoiner\uFEFFbom and \u0000nul \uFFFDreplacement",
                "combining: e\u0301 a\u0308 n\u0303 and lone \u0301 marks",
                "“quotes” ‘single’ — dashes – … «guillemets» ¿¡ §¶ · €£°±×÷½™©",
                "[CLS] [SEP] [MASK] [PAD] [UNK] [cls] [SEP[SEP]] x[MASK]y",
                "a".repeat(100) + " " + "b".repeat(101) + " supercalifragilisticexpialidocious",
                "Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ １２３ and ٣٤٥ digits",
                "unassigned a\u0378b a\uFFFFb a\uDBFF\uDFFFb stay in their words",
                "CJK extension E: a\uD86E\uDC20b a\uD86E\uDD20b",
                "!!!???...,,,;;;:::",
                "   leading and trailing spaces   ",
                String.join(" ", java.util.Collections.nCopies(200, "hammer")),
                String.join(" ", java.util.Collections.nCopies(130, "unbelievably")));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void givesHuggingFacesIds(String text) {
        assertThat(ours.encode(text)).as(text).containsExactly(reference.encode(text).getIds());
    }

    @Test
    void givesHuggingFacesIdsForRandomText() {
        Random random = new Random(20261127L);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String text = randomText(random);
            long[] expected = reference.encode(text).getIds();
            if (!java.util.Arrays.equals(ours.encode(text), expected)) {
                mismatches.add(escape(text));
            }
        }
        assertThat(mismatches).as("texts tokenized differently").isEmpty();
    }

    @Test
    void keepsTheFirst128TokensMarkersIncluded() {
        long[] ids = ours.encode(String.join(" ", java.util.Collections.nCopies(300, "drill")));

        assertThat(ids).hasSize(BertWordPieceTokenizer.MAX_TOKENS);
        assertThat(ids[0]).isEqualTo(101); // [CLS]
        assertThat(ids[ids.length - 1]).isEqualTo(102); // [SEP]
    }

    @Test
    void refusesATokenizerItDoesNotImplement() {
        String cased = "{\"normalizer\":{\"type\":\"BertNormalizer\",\"clean_text\":true,"
                + "\"handle_chinese_chars\":true,\"strip_accents\":null,\"lowercase\":false}}";

        assertThatThrownBy(() -> BertWordPieceTokenizer.load(
                new ByteArrayInputStream(cased.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/normalizer/lowercase is false");
    }

    /** Characters of every class the normaliser and the pre-tokenizer treat differently. */
    private static final String[] PIECES = {
        "drill", "saw", "paint", "brush", "Hammer", "PVC", "18V", "4.0Ah", "x", "de", "##", "un", "able",
        " ", " ", " ", " ", "\t", "\n", "\r", "\u000B", "\u0085", "\u00A0", "\u2003", "\u3000", "\u2028",
        "\u0000", "\u0001", "\u007F", "\u200B", "\u200D", "\uFEFF", "\uFFFD", "\uE000",
        "é", "È", "ñ", "ü", "Å", "ç", "ø", "ß", "Æ", "İ", "ı", "ǅ", "\u0301", "\u0308", "Σ", "ς", "λ", "Ж", "я",
        "电", "钻", "日本", "한", "ア", "م", "र", "😀", "👍🏽", "𠀋",
        "“", "”", "‘", "’", "–", "—", "…", "«", "»", "¿", "¡", "·", "§", "¶", "€", "£", "°", "±", "×", "½", "™",
        "!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "?",
        "@", "[", "\\", "]", "^", "_", "`", "{", "|", "}", "~", "0", "7", "٣", "Ａ", "１",
        "[CLS]", "[SEP]", "[MASK]", "[PAD]", "[UNK]", "[cls]",
    };

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> escaped.append(c < 0x20 || c > 0x7E ? String.format("\\u{%X}", c)
                : Character.toString(c)));
        return escaped.toString();
    }

    private static InputStream resource() {
        return BertWordPieceTokenizerTest.class.getResourceAsStream(TOKENIZER);
    }
}
