package com.zava.retail.adapters.postgres;

import com.zava.retail.domain.RejectedException;
import com.zava.retail.domain.SqlText;
import com.zava.retail.domain.TableName;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * First line of defence for {@code execute_sales_query}: exactly one SELECT (or WITH ... SELECT)
 * that reads only the allow-listed {@code retail.*} tables and its own CTEs, and calls only
 * side-effect-free functions from an allow-list. Two readers must agree: a lexer that reads
 * comments, string literals, quoted identifiers and dollar quoting the way PostgreSQL does (so no
 * second statement can hide from it), and a real SQL parser (JSqlParser) whose syntax tree is
 * walked for relations, functions and writing clauses. Anything either cannot read is refused.
 *
 * <p>This guard is deliberately not the only layer: the statement then runs in a READ ONLY
 * transaction, as a role that can only SELECT, under row-level security, with session-changing
 * functions revoked, and with a statement timeout.
 */
final class SqlGuard {

    /** Relations a query may read (besides its own CTEs). */
    static final Set<String> TABLES = TableName.VALID.stream().collect(Collectors.toUnmodifiableSet());

    /** How long the parser may take before the statement is refused as too complex to check. */
    private static final long PARSE_TIMEOUT_MILLIS = 2_000;

    /**
     * Where JSqlParser runs, so it can be abandoned at the timeout. Without an executor of ours it
     * creates (and starts a thread for) a new one on every parse, which cost more than the parse
     * itself. Threads are reused while busy and end after a minute idle; a parse that overran its
     * timeout keeps its thread until the parser notices, so the pool is not bounded by a fixed size
     * that hostile statements could fill. Daemon threads never keep the JVM alive.
     */
    private static final ExecutorService PARSER_THREADS = parserThreads();

    /** Texts accepted lately: the same text again skips the parse, whose verdict cannot change. */
    static final AcceptedStatements ACCEPTED = new AcceptedStatements();

    private SqlGuard() {
    }

    /** Passes one read-only statement (a trailing {@code ;} is fine) or throws with guidance. */
    static void check(SqlText sql) {
        if (ACCEPTED.contains(sql.value())) {
            return;
        }
        inspect(sql);
        ACCEPTED.add(sql.value());
    }

    private static void inspect(SqlText sql) {
        String codeTrimmed = codeOnly(sql.value()).strip();
        while (codeTrimmed.endsWith(";")) {
            codeTrimmed = codeTrimmed.substring(0, codeTrimmed.length() - 1).strip();
        }
        if (codeTrimmed.isEmpty()) {
            throw new RejectedException("The query has no SQL in it (only comments?). Pass one SELECT statement.");
        }
        if (codeTrimmed.indexOf(';') >= 0) {
            throw new RejectedException("Only one statement per call is allowed; remove the ';' between statements and "
                    + "send each query in its own call.");
        }
        String first = codeTrimmed.toLowerCase(Locale.ROOT).replaceFirst("^[\\s(]+", "");
        if (!first.startsWith("select") && !first.startsWith("with")) {
            throw new RejectedException("Only read-only queries are allowed: start with SELECT or WITH ... SELECT. "
                    + "To learn table structures, call get_multiple_table_schemas instead.");
        }
        // The parser reads the text without comments: PostgreSQL nests /* */ comments, JSqlParser does not.
        Statement statement = parse(withoutComments(sql.value()));
        if (!(statement instanceof Select select)) {
            throw new RejectedException("Only read-only queries are allowed: send one SELECT (or WITH ... SELECT).");
        }
        SelectInspector inspector = new SelectInspector();
        Set<String> relations;
        try {
            relations = inspector.getTables((Statement) select);
        } catch (RuntimeException e) {
            // Fail closed: a statement the inspector cannot walk is not known to be safe.
            throw new RejectedException("The query uses syntax this tool cannot check. Rewrite it as a plainer SELECT.");
        }
        if (!inspector.writes().isEmpty()) {
            throw new RejectedException(inspector.writes().get(0) + " is not allowed: this tool only reads data. "
                    + "Rewrite the query as a plain SELECT.");
        }
        for (String cte : inspector.cteNames()) {
            // An unqualified name also resolves in pg_catalog, so a WITH query named like a catalog
            // table could make an out-of-scope reference read the catalog instead.
            if (cte.startsWith("pg_")) {
                throw new RejectedException("WITH query names starting with pg_ are reserved; rename '" + cte + "'.");
            }
        }
        for (String relation : relations) {
            String name = normalise(relation);
            if (!TABLES.contains(name) && !inspector.cteNames().contains(name)) {
                throw new RejectedException("Table '" + relation + "' is not available to this tool. Use only "
                        + String.join(", ", TableName.VALID) + " (always with the retail. prefix) and your own WITH "
                        + "queries; for table structures call get_multiple_table_schemas.");
            }
        }
        for (String function : inspector.functions()) {
            String name = function.startsWith("pg_catalog.") ? function.substring("pg_catalog.".length()) : function;
            if (!SafeFunctions.NAMES.contains(name)) {
                throw new RejectedException("Function '" + function + "' is not allowed in this tool. Use aggregates, "
                        + "window, math, string, date/time, conditional, JSON, array functions and casts.");
            }
        }
    }

    private static Statement parse(String sql) {
        try {
            return CCJSqlParserUtil.parse(sql, PARSER_THREADS, parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS));
        } catch (JSQLParserException | RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw new RejectedException("The query could not be read as one PostgreSQL SELECT statement"
                    + (reason.isEmpty() ? "" : " (" + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason)
                    + ")") + ". Simplify the syntax or split the question into smaller queries.");
        }
    }

    private static ExecutorService parserThreads() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "zava-sql-parser-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code "Retail"."Orders"} and {@code RETAIL.orders} both name {@code retail.orders}. */
    private static String normalise(String relation) {
        return relation.replace("\"", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The statement with comments replaced by spaces and everything else as written. */
    static String withoutComments(String sql) {
        return scan(sql, true);
    }

    /**
     * The statement with comments, string literals, quoted identifiers and dollar-quoted bodies
     * replaced by spaces, so only code remains.
     */
    static String codeOnly(String sql) {
        return scan(sql, false);
    }

    /** One pass of PostgreSQL's lexical rules: comments always go, literals stay or become placeholders. */
    private static String scan(String sql, boolean keepLiterals) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            int end;
            String placeholder;
            if (c == '-' && next == '-') {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? n : newline;
                placeholder = " ";
            } else if (c == '/' && next == '*') {
                end = skipBlockComment(sql, i);
                placeholder = " ";
            } else if (c == '\'') {
                end = skipQuoted(sql, i, '\'', isEscapeStringPrefix(sql, i));
                placeholder = keepLiterals ? null : "''";
            } else if (c == '"') {
                end = skipQuoted(sql, i, '"', false);
                placeholder = keepLiterals ? null : "\"x\"";
            } else if (c == '$' && isDollarQuoteStart(sql, i)) {
                int tagEnd = sql.indexOf('$', i + 1);
                String tag = sql.substring(i, tagEnd + 1);
                int close = sql.indexOf(tag, tagEnd + 1);
                end = close < 0 ? n : close + tag.length();
                placeholder = keepLiterals ? null : "''";
            } else {
                end = i + 1;
                placeholder = null;
            }
            if (placeholder == null) {
                out.append(sql, i, end);
            } else {
                out.append(placeholder);
            }
            i = end;
        }
        return out.toString();
    }

    private static int skipBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length(); // unterminated: PostgreSQL rejects it anyway
    }

    private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /**
     * Whether the quote at {@code i} opens an escape string ({@code E'...'}): the {@code E} must be a
     * token of its own, not the last letter of a word such as the type name in {@code name'\'}.
     */
    private static boolean isEscapeStringPrefix(String sql, int i) {
        if (i < 1 || (sql.charAt(i - 1) != 'e' && sql.charAt(i - 1) != 'E')) {
            return false;
        }
        return i < 2 || !(Character.isLetterOrDigit(sql.charAt(i - 2)) || sql.charAt(i - 2) == '_'
                || sql.charAt(i - 2) == '$');
    }

    /** {@code $$} or {@code $tag$} where tag is an identifier; not a positional parameter like {@code $1}. */
    private static boolean isDollarQuoteStart(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return false;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
                return false;
            }
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$';
    }
}
