package com.zava.retail.adapters.mcp.core;

import com.zava.retail.domain.RowLimit;
import com.zava.retail.domain.TableName;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * Names, descriptions, JSON schemas and annotations of the four tools, compatible with the
 * original Python sample so that existing prompts keep working. Descriptions teach the model the
 * habits that give good answers: schemas first, exact names, aggregate, never raw ids.
 */
final class ToolCatalog {

    static final String GET_SCHEMAS = "get_multiple_table_schemas";
    static final String EXECUTE_QUERY = "execute_sales_query";
    static final String SEMANTIC_SEARCH = "semantic_search_products";
    static final String CURRENT_DATE = "get_current_utc_date";

    private static final McpSchema.ToolAnnotations READ_ONLY = McpSchema.ToolAnnotations.builder()
            .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(false).build();

    /** Shape of the compact row results: {"c":[columns],"r":[[values]],"n":count}. */
    private static final Map<String, Object> ROWS_OUTPUT = Map.of(
            "type", "object",
            "properties", Map.of(
                    "c", Map.of("type", "array", "items", Map.of("type", "string"), "description", "column names"),
                    "r", Map.of("type", "array", "items", Map.of("type", "array"), "description", "rows of values"),
                    "n", Map.of("type", "integer", "description", "number of rows returned"),
                    "msg", Map.of("type", "string", "description", "present when there are no rows"),
                    "truncated", Map.of("type", "boolean", "description", "true when a row or size cap cut the result"),
                    "truncation", Map.of("type", "string", "description", "why the result was cut")),
            "required", List.of("c", "r", "n"));

    private ToolCatalog() {
    }

    static McpSchema.Tool getSchemas() {
        return McpSchema.Tool.builder(GET_SCHEMAS, Map.of(
                        "type", "object",
                        "properties", Map.of("table_names", Map.of(
                                "type", "array",
                                "items", Map.of("type", "string"),
                                "description", "Tables to describe, e.g. [\"retail.orders\", \"retail.order_items\"]. "
                                        + "Valid: " + String.join(", ", TableName.VALID))),
                        "required", List.of("table_names")))
                .title("Get table schemas")
                .description("Describe retail tables: columns with types, primary and foreign keys, valid values "
                        + "(store, category and product type names, years with orders, as you can see them) and query "
                        + "hints. ALWAYS call this before writing SQL, for every table the query will use, and use the "
                        + "exact names and values it returns. Valid tables: " + String.join(", ", TableName.VALID) + ".")
                .outputSchema(Map.of("type", "object",
                        "properties", Map.of("tables", Map.of("type", "array", "items", Map.of("type", "object"))),
                        "required", List.of("tables")))
                .annotations(READ_ONLY)
                .build();
    }

    static McpSchema.Tool executeQuery() {
        return McpSchema.Tool.builder(EXECUTE_QUERY, Map.of(
                        "type", "object",
                        "properties", Map.of("postgresql_query", Map.of(
                                "type", "string",
                                "description", "One PostgreSQL SELECT statement (WITH ... SELECT allowed) over the "
                                        + "retail.* tables.")),
                        "required", List.of("postgresql_query")))
                .title("Run a sales query")
                .description("Run one read-only PostgreSQL SELECT against Zava's sales data. You only ever see the "
                        + "rows of your own store (head office sees all). Before writing the query, call "
                        + GET_SCHEMAS + " for the tables it uses and copy names exactly; call " + CURRENT_DATE
                        + " to resolve relative dates. Aggregate in SQL (SUM, COUNT, GROUP BY) instead of fetching raw "
                        + "rows, qualify tables as retail.<table>, and show names (store_name, product_name, "
                        + "category_name) rather than raw ids to the user. Results: {\"c\":[columns],\"r\":[[row values]],"
                        + "\"n\":row count}; at most a few hundred rows come back, and \"truncated\": true says the "
                        + "result was cut.")
                .outputSchema(ROWS_OUTPUT)
                .annotations(READ_ONLY)
                .build();
    }

    static McpSchema.Tool semanticSearch() {
        return McpSchema.Tool.builder(SEMANTIC_SEARCH, Map.of(
                        "type", "object",
                        "properties", Map.of(
                                "query_description", Map.of("type", "string",
                                        "description", "What the product is or does, in plain words, e.g. "
                                                + "\"waterproof electrical box for outdoor use\""),
                                "max_rows", Map.of("type", "integer", "default", RowLimit.DEFAULT.value(),
                                        "description", "Most products to return, 1 to " + RowLimit.MAX),
                                "similarity_threshold", Map.of("type", "number", "default", 30.0,
                                        "description", "Minimum similarity in percent, 0 to 100")),
                        "required", List.of("query_description")))
                .title("Search products by meaning")
                .description("Find products whose description means something close to the query, even without "
                        + "shared words. Returns product columns plus \"sp\", the similarity in percent, best first. "
                        + "Use the returned product names or ids in " + EXECUTE_QUERY + " to look up sales or stock.")
                .outputSchema(ROWS_OUTPUT)
                .annotations(READ_ONLY)
                .build();
    }

    static McpSchema.Tool currentDate() {
        return McpSchema.Tool.builder(CURRENT_DATE, Map.of("type", "object", "properties", Map.of()))
                .title("Current UTC date")
                .description("The current date and time in UTC (ISO-8601). Call it before answering questions about "
                        + "\"this year\", \"last quarter\" or \"recent\" sales.")
                .outputSchema(Map.of("type", "object",
                        "properties", Map.of("utc", Map.of("type", "string", "description", "ISO-8601 instant")),
                        "required", List.of("utc")))
                .annotations(READ_ONLY)
                .build();
    }
}
