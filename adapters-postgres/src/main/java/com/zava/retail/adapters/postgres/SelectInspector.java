package com.zava.retail.adapters.postgres;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Walks a parsed SELECT (every subquery, CTE and expression) and records what the guard must
 * judge: the relations it reads, the functions it calls, the names of its own CTEs, and any
 * clause that writes or locks ({@code INTO}, {@code FOR UPDATE/SHARE}, data-modifying CTEs).
 */
final class SelectInspector extends TablesNamesFinder<Void> {

    private final Set<String> functions = new LinkedHashSet<>();
    private final Set<String> cteNames = new LinkedHashSet<>();
    private final List<String> writes = new ArrayList<>();

    SelectInspector() {
        init(false);
    }

    /** Lower-case function names as written, e.g. {@code sum} or {@code pg_catalog.set_config}. */
    Set<String> functions() {
        return functions;
    }

    /** Lower-case names of the statement's own CTEs. */
    Set<String> cteNames() {
        return cteNames;
    }

    /** Clauses that would write or lock, described for the caller. */
    List<String> writes() {
        return writes;
    }

    @Override
    public <S> Void visit(Function function, S context) {
        functions.add(String.join(".", function.getMultipartName()).toLowerCase(Locale.ROOT).replace("\"", ""));
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(Select select, S context) {
        recordWithItems(select.getWithItemsList());
        if (select.getForMode() != null) {
            writes.add("FOR " + select.getForMode());
        }
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        recordWithItems(select.getWithItemsList());
        if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()) {
            writes.add("SELECT ... INTO");
        }
        if (select.getForMode() != null) {
            writes.add("FOR " + select.getForMode());
        }
        return super.visit(select, context);
    }

    private void recordWithItems(List<WithItem<?>> items) {
        if (items == null) {
            return;
        }
        for (WithItem<?> item : items) {
            if (item.getAlias() != null) {
                cteNames.add(item.getUnquotedAliasName().toLowerCase(Locale.ROOT));
            }
            if (!(item.getParenthesedStatement() instanceof ParenthesedSelect)) {
                writes.add("a data-modifying WITH query (" + item.getAliasName() + ")");
            }
        }
    }
}
