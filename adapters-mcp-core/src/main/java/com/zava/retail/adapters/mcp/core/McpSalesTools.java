package com.zava.retail.adapters.mcp.core;

import com.zava.retail.application.port.in.SearchProductsCommand;
import com.zava.retail.application.port.out.AuditTrail;
import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.application.port.out.ToolCallRecord;
import com.zava.retail.domain.DomainException;
import com.zava.retail.domain.InvalidInputException;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.RowLimit;
import com.zava.retail.domain.SearchPhrase;
import com.zava.retail.domain.SimilarityThreshold;
import com.zava.retail.domain.SqlFingerprint;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four retail tools, shared by both transports: maps a tool call to its use case and the
 * outcome to a result. Domain errors become {@code isError} results a model can act on;
 * anything unexpected becomes a JSON-RPC error, logged once with a reference the caller sees.
 */
public final class McpSalesTools {

    private static final Logger LOG = LoggerFactory.getLogger(McpSalesTools.class);

    /** The use case each tool runs, as trace spans name them. */
    private static final Map<String, String> USE_CASES = Map.of(
            ToolCatalog.GET_SCHEMAS, "DescribeTablesUseCase",
            ToolCatalog.EXECUTE_QUERY, "RunSalesQueryUseCase",
            ToolCatalog.SEMANTIC_SEARCH, "SearchProductsUseCase",
            ToolCatalog.CURRENT_DATE, "GetCurrentUtcDateUseCase");

    private final RetailUseCases useCases;
    private final AuditTrail audit;
    private final ToolCallTelemetry telemetry;
    private final McpJsonMapper json;

    /** Tools over the SDK's default JSON mapper (Jackson 2, found on the classpath). */
    public McpSalesTools(RetailUseCases useCases, AuditTrail audit, ToolCallTelemetry telemetry) {
        this(useCases, audit, telemetry, McpJsonDefaults.getMapper());
    }

    public McpSalesTools(RetailUseCases useCases, AuditTrail audit, ToolCallTelemetry telemetry, McpJsonMapper json) {
        this.useCases = useCases;
        this.audit = audit;
        this.telemetry = telemetry;
        this.json = json;
    }

    /** The JSON mapper transports must use, so results serialise the same way everywhere. */
    public McpJsonMapper jsonMapper() {
        return json;
    }

    /** The tools as the stdio and stateful HTTP servers register them; {@code transport} names them in the audit. */
    public List<McpServerFeatures.SyncToolSpecification> sessionSpecifications(CallerResolver callers,
            String transport) {
        return tools().stream().map(tool -> McpServerFeatures.SyncToolSpecification.builder()
                        .tool(tool)
                        .callHandler((exchange, request) -> call(tool.name(), request.arguments(),
                                callers.callerOf(exchange.transportContext()), transport,
                                correlationId(exchange.transportContext())))
                        .build())
                .toList();
    }

    /**
     * The tools for a server that starts answering before the rest of the application is up: the
     * catalogue is static, so {@code initialize} and {@code tools/list} need nothing else, and a
     * call waits for {@code tools} (or reports why the application could not start).
     */
    public static List<McpServerFeatures.SyncToolSpecification> deferredSessionSpecifications(
            Supplier<McpSalesTools> tools, CallerResolver callers, String transport) {
        return tools().stream().map(tool -> McpServerFeatures.SyncToolSpecification.builder()
                        .tool(tool)
                        .callHandler((exchange, request) -> {
                            McpSalesTools ready;
                            try {
                                ready = tools.get();
                            } catch (RuntimeException e) {
                                Throwable cause = e.getCause() == null ? e : e.getCause();
                                return CallToolResult.builder().isError(true).addTextContent(
                                        "{\"err\":\"The server could not start: " + String.valueOf(cause.getMessage())
                                                .replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"code\":\"UNAVAILABLE\"}")
                                        .build();
                            }
                            return ready.call(tool.name(), request.arguments(),
                                    callers.callerOf(exchange.transportContext()), transport,
                                    correlationId(exchange.transportContext()));
                        })
                        .build())
                .toList();
    }

    /** The tools as the stateless HTTP server registers them. */
    public List<McpStatelessServerFeatures.SyncToolSpecification> statelessSpecifications(CallerResolver callers,
            String transport) {
        return tools().stream().map(tool -> McpStatelessServerFeatures.SyncToolSpecification.builder()
                        .tool(tool)
                        .callHandler((McpTransportContext context, McpSchema.CallToolRequest request) ->
                                call(tool.name(), request.arguments(), callers.callerOf(context), transport,
                                        correlationId(context)))
                        .build())
                .toList();
    }

    static List<McpSchema.Tool> tools() {
        return List.of(ToolCatalog.getSchemas(), ToolCatalog.executeQuery(), ToolCatalog.semanticSearch(),
                ToolCatalog.currentDate());
    }

    /** The request's correlation id when the transport set one (HTTP), else a new one for this call. */
    static String correlationId(McpTransportContext context) {
        Object id = context == null ? null : context.get(CallerResolver.CORRELATION_KEY);
        return id instanceof String text ? text : UUID.randomUUID().toString();
    }

    /** {@link #call(String, Map, ManagerId, String, String)} with a new correlation id. */
    public CallToolResult call(String tool, Map<String, Object> arguments, ManagerId caller, String transport) {
        return call(tool, arguments, caller, transport, UUID.randomUUID().toString());
    }

    /**
     * Runs one tool as the given manager, records the call in the audit trail and reports it to
     * telemetry. Every call, whichever tool, counts against the manager's rate limit; a refused
     * call is audited too.
     */
    public CallToolResult call(String tool, Map<String, Object> arguments, ManagerId caller, String transport,
            String correlationId) {
        try (ToolCallTelemetry.Call observed = telemetry.start(tool, caller, transport, correlationId)) {
            return observedCall(tool, arguments, caller, transport, observed);
        }
    }

    private CallToolResult observedCall(String tool, Map<String, Object> arguments, ManagerId caller, String transport,
            ToolCallTelemetry.Call observed) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Optional<String> statement = tool.equals(ToolCatalog.EXECUTE_QUERY) && args.get("postgresql_query") instanceof String q
                ? Optional.of(q) : Optional.empty();
        CallToolResult result = null;
        String errorCode = "INTERNAL";
        try {
            useCases.admission().admit(caller);
            result = telemetry.useCase(USE_CASES.getOrDefault(tool, tool), () -> dispatch(tool, args, caller));
            errorCode = null;
            return result;
        } catch (DomainException e) {
            errorCode = e.code().name();
            result = error(e, statement.orElse(null));
            return result;
        } catch (McpError e) {
            errorCode = "PROTOCOL";
            throw e;
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Tool {} failed unexpectedly for manager {} (reference {})", tool, caller, reference, e);
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("Internal error while running " + tool + " (reference " + reference + ")").build();
        } finally {
            Optional<String> fingerprint = statement.map(SqlFingerprint::of);
            int rows = rowsOf(result);
            observed.outcome(errorCode == null ? "ok" : errorCode, rows, fingerprint);
            audit.record(new ToolCallRecord(started, caller, transport, tool, fingerprint, statement, rows,
                    Duration.ofNanos(System.nanoTime() - startNanos), Optional.ofNullable(errorCode)));
        }
    }

    private CallToolResult dispatch(String tool, Map<String, Object> args, ManagerId caller) {
        return switch (tool) {
            case ToolCatalog.GET_SCHEMAS -> schemas(caller, args);
            case ToolCatalog.EXECUTE_QUERY -> rows(useCases.runQuery().run(caller, string(args, "postgresql_query")));
            case ToolCatalog.SEMANTIC_SEARCH -> rows(useCases.searchProducts().search(new SearchProductsCommand(caller,
                    new SearchPhrase(string(args, "query_description")),
                    new RowLimit(integer(args, "max_rows", RowLimit.DEFAULT.value())),
                    new SimilarityThreshold(number(args, "similarity_threshold", 30.0)))));
            case ToolCatalog.CURRENT_DATE -> date();
            default -> throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("Unknown tool: " + tool).build();
        };
    }

    private static int rowsOf(CallToolResult result) {
        if (result == null || Boolean.TRUE.equals(result.isError())
                || !(result.structuredContent() instanceof Map<?, ?> content)) {
            return 0;
        }
        Object count = content.get("n");
        if (count instanceof Number n) {
            return n.intValue();
        }
        return content.get("tables") instanceof List<?> tables ? tables.size() : 1;
    }

    private CallToolResult schemas(ManagerId caller, Map<String, Object> args) {
        Object names = args.get("table_names");
        if (!(names instanceof List<?> list) || list.stream().anyMatch(n -> !(n instanceof String))) {
            throw new InvalidInputException("table_names must be a list of table names, e.g. [\"retail.orders\"].");
        }
        List<String> tableNames = list.stream().map(String.class::cast).toList();
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TableDescription description : useCases.describeTables().describe(caller, tableNames)) {
            tables.add(describe(description));
        }
        Map<String, Object> content = Map.of("tables", tables);
        return CallToolResult.builder().addTextContent(write(content)).structuredContent(content).build();
    }

    private static Map<String, Object> describe(TableDescription description) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("table", description.table());
        table.put("columns", description.columns().stream().map(c -> {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", c.name());
            column.put("type", c.type());
            column.put("nullable", c.nullable());
            return column;
        }).toList());
        table.put("primary_key", description.primaryKey());
        table.put("relationships", description.relationships().stream().map(r -> {
            Map<String, Object> relationship = new LinkedHashMap<>();
            relationship.put("direction", r.direction());
            relationship.put("from", r.fromTable() + "(" + String.join(", ", r.fromColumns()) + ")");
            relationship.put("to", r.toTable() + "(" + String.join(", ", r.toColumns()) + ")");
            return relationship;
        }).toList());
        table.put("valid_values", description.validValues());
        table.put("hints", description.hints());
        return table;
    }

    private CallToolResult rows(QueryResult result) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("c", result.columns());
        content.put("r", result.rows());
        content.put("n", result.rows().size());
        if (result.rows().isEmpty()) {
            content.put("msg", "No rows matched. Check names and values with " + ToolCatalog.GET_SCHEMAS + ".");
        }
        result.truncation().ifPresent(reason -> {
            content.put("truncated", true);
            content.put("truncation", reason);
        });
        return CallToolResult.builder().addTextContent(write(content)).structuredContent(content).build();
    }

    private CallToolResult date() {
        String utc = useCases.currentDate().now().toString();
        return CallToolResult.builder().addTextContent(utc).structuredContent(Map.of("utc", utc)).build();
    }

    private CallToolResult error(DomainException e, String query) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("err", e.getMessage());
        content.put("code", e.code().name());
        if (query != null) {
            content.put("q", query.length() > 2_000 ? query.substring(0, 2_000) + "..." : query);
        }
        return CallToolResult.builder().addTextContent(write(content)).isError(true).build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("Could not serialise a tool result", e);
        }
    }

    private static String string(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value == null) {
            throw new InvalidInputException(name + " is required.");
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(name + " must be a string.");
        }
        return text;
    }

    private static int integer(Map<String, Object> args, String name, int fallback) {
        Object value = args.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidInputException(name + " must be a whole number, was " + value + ".");
        }
        double d = number.doubleValue();
        return d > Integer.MAX_VALUE ? Integer.MAX_VALUE : d < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) d;
    }

    private static double number(Map<String, Object> args, String name, double fallback) {
        Object value = args.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)) {
            throw new InvalidInputException(name + " must be a number, was " + value + ".");
        }
        return number.doubleValue();
    }
}
