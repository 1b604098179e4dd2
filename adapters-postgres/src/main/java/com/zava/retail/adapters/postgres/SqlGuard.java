package com.zava.retail.adapters.postgres;

import com.zava.retail.domain.RejectedException;
import com.zava.retail.domain.SqlText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * First line of defence for {@code execute_sales_query}: the text must be exactly one SELECT (or
 * WITH ... SELECT) statement without data-modifying keywords. It reads the statement the way
 * PostgreSQL's lexer does for comments, string literals, quoted identifiers and dollar quoting, so
 * a {@code ;} hidden in any of them is not mistaken for a statement boundary and one outside them
 * is always seen.
 *
 * <p>This guard is deliberately not the only layer: the statement then runs in a READ ONLY
 * transaction, as a role that can only SELECT, under row-level security, with session-changing
 * functions revoked.
 */
final class SqlGuard {

    private static final Pattern FORBIDDEN_WORD = Pattern.compile(
            "\\b(insert|update|delete|merge|truncate|alter|create|drop|grant|revoke|copy|call|do|execute|prepare"
                    + "|deallocate|listen|notify|unlisten|lock|vacuum|analyze|cluster|reindex|refresh|set|reset|begin"
                    + "|commit|rollback|savepoint|release|discard|comment|security|import|load)\\b");
    private static final Pattern INTO = Pattern.compile("\\binto\\b");

    private SqlGuard() {
    }

    /** Passes one read-only statement (a trailing {@code ;} is fine) or throws with guidance. */
    static void check(SqlText sql) {
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
        String lower = codeTrimmed.toLowerCase(Locale.ROOT);
        String first = lower.replaceFirst("^[\\s(]+", "");
        if (!first.startsWith("select") && !first.startsWith("with")) {
            throw new RejectedException("Only read-only queries are allowed: start with SELECT or WITH ... SELECT. "
                    + "To learn table structures, call get_multiple_table_schemas instead.");
        }
        var forbidden = FORBIDDEN_WORD.matcher(lower);
        if (forbidden.find()) {
            throw new RejectedException("'" + forbidden.group(1).toUpperCase(Locale.ROOT) + "' is not allowed: this "
                    + "tool only reads data with SELECT. Rewrite the query without it.");
        }
        if (INTO.matcher(lower).find()) {
            throw new RejectedException("SELECT ... INTO is not allowed: this tool only reads data.");
        }
        if (lower.matches("(?s).*\\bfor\\s+(no\\s+key\\s+)?(update|share|key\\s+share)\\b.*")) {
            throw new RejectedException("FOR UPDATE/SHARE locks rows and is not allowed: remove it.");
        }
    }

    /**
     * The statement with comments, string literals, quoted identifiers and dollar-quoted bodies
     * replaced by spaces, so only code remains.
     */
    static String codeOnly(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '/' && next == '*') {
                i = skipBlockComment(sql, i);
                out.append(' ');
            } else if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E');
                i = skipQuoted(sql, i, '\'', escapes);
                out.append("''");
            } else if (c == '"') {
                i = skipQuoted(sql, i, '"', false);
                out.append("\"x\"");
            } else if (c == '$' && isDollarQuoteStart(sql, i)) {
                int tagEnd = sql.indexOf('$', i + 1);
                String tag = sql.substring(i, tagEnd + 1);
                int close = sql.indexOf(tag, tagEnd + 1);
                i = close < 0 ? n : close + tag.length();
                out.append("''");
            } else {
                out.append(c);
                i++;
            }
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
