package com.zava.retail.adapters.mcp.core;

import io.modelcontextprotocol.spec.McpSchema;

/** How the server introduces itself to clients, the same over every transport. */
public final class ServerDescription {

    public static final String NAME = "zava-retail-mcp";

    static final String INSTRUCTIONS = "Zava retail sales analysis for store managers. You see only your own "
            + "store's orders, customers and inventory (head office sees all stores). Workflow: call "
            + "get_current_utc_date for relative dates, get_multiple_table_schemas for the tables you need, then "
            + "execute_sales_query with one aggregated SELECT; use semantic_search_products to find products by "
            + "meaning. Present names, not ids.";

    private ServerDescription() {
    }

    public static McpSchema.Implementation implementation(String version) {
        return McpSchema.Implementation.builder(NAME, version).title("Zava Retail MCP Server").build();
    }

    public static String instructions() {
        return INSTRUCTIONS;
    }

    public static McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder().tools(false).build();
    }
}
