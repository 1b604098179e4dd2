package com.zava.retail.application.port.in;

import com.zava.retail.application.port.out.TableDescription;
import com.zava.retail.domain.ManagerId;
import java.util.List;

/** Describes retail tables so a model can write correct SQL: columns, keys, valid values, hints. */
public interface DescribeTablesUseCase {

    /**
     * @param tableNames names such as {@code retail.orders} or {@code orders}; at least one
     * @throws com.zava.retail.domain.InvalidInputException when the list is empty or too long
     * @throws com.zava.retail.domain.NotFoundException when a name is not an allow-listed table
     */
    List<TableDescription> describe(ManagerId caller, List<String> tableNames);
}
