package com.zava.retail.domain;

import java.util.List;
import java.util.Locale;

/**
 * One of the retail tables a manager may ask about, always schema-qualified. Anything else is
 * refused with the list of valid names, so a model can correct itself.
 */
public record TableName(String qualified) {

    /** The allow-listed tables, in the order they are listed to callers. */
    public static final List<String> VALID = List.of("retail.stores", "retail.customers", "retail.categories",
            "retail.product_types", "retail.products", "retail.inventory", "retail.orders", "retail.order_items",
            "retail.product_description_embeddings");

    public TableName {
        if (!VALID.contains(qualified)) {
            throw new NotFoundException("Unknown table '" + qualified + "'. Valid tables: " + String.join(", ", VALID)
                    + ".");
        }
    }

    /** Accepts {@code retail.orders}, {@code orders} or {@code RETAIL.Orders}; rejects everything else. */
    public static TableName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("A table name is empty. Valid tables: " + String.join(", ", VALID) + ".");
        }
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > 100) {
            throw new NotFoundException("Unknown table '" + normalised.substring(0, 100) + "...'. Valid tables: "
                    + String.join(", ", VALID) + ".");
        }
        return new TableName(normalised.contains(".") ? normalised : "retail." + normalised);
    }

    /** The name without schema, e.g. {@code orders}. */
    public String simpleName() {
        return qualified.substring(qualified.indexOf('.') + 1);
    }
}
