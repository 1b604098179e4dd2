package com.zava.retail.application.service;

import com.zava.retail.application.port.in.DescribeTablesUseCase;
import com.zava.retail.application.port.out.SchemaCatalog;
import com.zava.retail.application.port.out.SchemaDescriptionCache;
import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.domain.InvalidInputException;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.TableName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Describes the requested tables, from the cache when this caller asked recently. */
public final class TableSchemaService implements DescribeTablesUseCase {

    /** More names than tables exist can only be a mistake or an attack. */
    static final int MAX_NAMES = 20;

    private final SchemaCatalog catalog;
    private final SchemaDescriptionCache cache;

    public TableSchemaService(SchemaCatalog catalog, SchemaDescriptionCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    @Override
    public List<TableDescription> describe(ManagerId caller, List<String> tableNames) {
        if (tableNames == null || tableNames.isEmpty()) {
            throw new InvalidInputException("table_names is empty. Pass one or more of: "
                    + String.join(", ", TableName.VALID) + ".");
        }
        if (tableNames.size() > MAX_NAMES) {
            throw new InvalidInputException("table_names has " + tableNames.size() + " entries; at most " + MAX_NAMES
                    + " are accepted. Valid tables: " + String.join(", ", TableName.VALID) + ".");
        }
        Set<TableName> tables = new LinkedHashSet<>();
        for (String name : tableNames) {
            tables.add(TableName.parse(name));
        }
        List<TableDescription> descriptions = new ArrayList<>(tables.size());
        for (TableName table : tables) {
            descriptions.add(cache.get(table, caller).orElseGet(() -> {
                TableDescription description = catalog.describe(caller, table);
                cache.put(table, caller, description);
                return description;
            }));
        }
        return descriptions;
    }
}
