package com.zava.retail.application.port.out;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.TableName;
import java.util.Optional;

/**
 * Remembers table descriptions for a while. Keys always include the caller's visibility scope
 * (their manager id): valid values differ between managers, so one manager's description must
 * never be served to another.
 */
public interface SchemaDescriptionCache {

    Optional<TableDescription> get(TableName table, ManagerId scope);

    void put(TableName table, ManagerId scope, TableDescription description);
}
