package com.zava.retail.application.sampledata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A complete, consistent retail data set, ready to be written in one go.
 *
 * @param asOf the last day with orders
 */
public record SampleDataSet(
        LocalDate asOf,
        List<Rows.Store> stores,
        List<Rows.Category> categories,
        List<Rows.ProductType> productTypes,
        List<Rows.Product> products,
        List<Rows.Customer> customers,
        List<Rows.Order> orders,
        List<Rows.OrderItem> orderItems,
        List<Rows.Inventory> inventory,
        List<Rows.ProductEmbedding> embeddings) {

    public SampleDataSet {
        stores = List.copyOf(stores);
        categories = List.copyOf(categories);
        productTypes = List.copyOf(productTypes);
        products = List.copyOf(products);
        customers = List.copyOf(customers);
        orders = List.copyOf(orders);
        orderItems = List.copyOf(orderItems);
        inventory = List.copyOf(inventory);
        embeddings = List.copyOf(embeddings);
    }

    /** The same data with product embeddings attached. */
    public SampleDataSet withEmbeddings(List<Rows.ProductEmbedding> productEmbeddings) {
        return new SampleDataSet(asOf, stores, categories, productTypes, products, customers, orders, orderItems,
                inventory, productEmbeddings);
    }

    /** Row count per table name, in load order. */
    public Map<String, Integer> rowCounts() {
        java.util.LinkedHashMap<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("stores", stores.size());
        counts.put("categories", categories.size());
        counts.put("product_types", productTypes.size());
        counts.put("products", products.size());
        counts.put("customers", customers.size());
        counts.put("orders", orders.size());
        counts.put("order_items", orderItems.size());
        counts.put("inventory", inventory.size());
        counts.put("product_description_embeddings", embeddings.size());
        return counts;
    }
}
