package com.zava.retail.application.port.out;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.TableName;

/** Describes a retail table as the caller sees it (valid values come from rows they may read). */
public interface SchemaCatalog {

    TableDescription describe(ManagerId caller, TableName table);
}
