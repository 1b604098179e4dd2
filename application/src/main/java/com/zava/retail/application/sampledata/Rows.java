package com.zava.retail.application.sampledata;

import com.zava.retail.domain.ManagerId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The rows of the sample data set, one record per table, in the column order of the schema.
 * Money is held in cents so generation is exact and fast; stores write it as decimals.
 */
public final class Rows {

    private Rows() {
    }

    /** A row of {@code retail.stores}. */
    public record Store(int storeId, String storeName, ManagerId rlsUserId, boolean online) {
    }

    /** A row of {@code retail.categories}. */
    public record Category(int categoryId, String categoryName) {
    }

    /** A row of {@code retail.product_types}. */
    public record ProductType(int typeId, int categoryId, String typeName) {
    }

    /** A row of {@code retail.products}; {@code grossMarginBasisPoints} 3300 means 33.00 %. */
    public record Product(int productId, String sku, String productName, int categoryId, int typeId, long costCents,
            long basePriceCents, int grossMarginBasisPoints, String productDescription) {
    }

    /** A row of {@code retail.customers}. */
    public record Customer(int customerId, String firstName, String lastName, String email, String phone,
            int primaryStoreId, Instant createdAt) {
    }

    /** A row of {@code retail.orders}. */
    public record Order(int orderId, int customerId, int storeId, LocalDate orderDate) {
    }

    /** A row of {@code retail.order_items}. */
    public record OrderItem(int orderItemId, int orderId, int storeId, int productId, int quantity,
            long unitPriceCents, int discountPercent, long discountAmountCents, long totalAmountCents) {
    }

    /** A row of {@code retail.inventory}. */
    public record Inventory(int storeId, int productId, int stockLevel) {
    }

    /** A row of {@code retail.product_description_embeddings}. */
    public record ProductEmbedding(int productId, String model, float[] descriptionEmbedding, Instant createdAt) {
    }
}
