package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the model gets back from one tool call: the text it reads, parsed. Decimal numbers are kept
 * exact, so money can be compared to the cent.
 */
final class ToolAnswer {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String tool;
    private final McpSchema.CallToolResult result;

    ToolAnswer(String tool, McpSchema.CallToolResult result) {
        this.tool = tool;
        this.result = result;
    }

    /** True when the server answered with an error result the model is meant to act on. */
    boolean refused() {
        return Boolean.TRUE.equals(result.isError());
    }

    /** Everything the model reads, as one text. */
    String text() {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    Map<String, Object> json() {
        try {
            return JSON.readValue(text(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new AssertionError(tool + " did not answer with a JSON object: " + text(), e);
        }
    }

    /** Fails unless the call was answered (not refused), showing what the model was told instead. */
    ToolAnswer answered() {
        assertThat(refused()).as("%s was refused: %s", tool, text()).isFalse();
        return this;
    }

    /** The refusal message the model reads ({@code err}). */
    String refusal() {
        assertThat(refused()).as("%s should have been refused but answered: %s", tool, abbreviated()).isTrue();
        Object message = json().get("err");
        assertThat(message).as("refusal message in %s", text()).isInstanceOf(String.class);
        return (String) message;
    }

    /** The machine-readable kind of refusal ({@code code}), e.g. REJECTED. */
    String refusalCode() {
        refusal();
        return String.valueOf(json().get("code"));
    }

    @SuppressWarnings("unchecked")
    List<String> columns() {
        return (List<String>) answered().json().get("c");
    }

    @SuppressWarnings("unchecked")
    List<List<Object>> rows() {
        return (List<List<Object>>) answered().json().get("r");
    }

    /** The rows as maps from column name to value. */
    List<Map<String, Object>> records() {
        List<String> columns = columns();
        List<Map<String, Object>> records = new ArrayList<>();
        for (List<Object> row : rows()) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    /** A two-column answer (label, number) as an ordered map. */
    Map<String, BigDecimal> figures() {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (List<Object> row : rows()) {
            assertThat(row).as("a label and a number").hasSize(2);
            figures.put(String.valueOf(row.get(0)), decimal(row.get(1)));
        }
        return figures;
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number || value instanceof String) {
            return new BigDecimal(value.toString());
        }
        throw new AssertionError("Not a number: " + value);
    }

    private String abbreviated() {
        String text = text();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    @Override
    public String toString() {
        return tool + " -> " + abbreviated();
    }
}
