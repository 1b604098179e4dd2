package com.zava.retail.application.service;

import com.zava.retail.application.port.out.SampleDataStore;
import com.zava.retail.application.port.out.SeedProgress;
import com.zava.retail.application.sampledata.Rows;
import com.zava.retail.application.sampledata.SampleDataSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * In-memory {@link SampleDataStore} for service tests. Like the database, it refuses a data set
 * whose rows point at rows that do not exist, and then keeps what it had.
 */
public final class InMemorySampleDataStore implements SampleDataStore {

    private SampleDataSet content;

    @Override
    public boolean hasData() {
        return content != null && !content.stores().isEmpty();
    }

    @Override
    public void replaceAll(SampleDataSet data, SeedProgress progress) {
        Set<Integer> stores = data.stores().stream().map(Rows.Store::storeId).collect(Collectors.toSet());
        Set<Integer> products = data.products().stream().map(Rows.Product::productId).collect(Collectors.toSet());
        Set<Integer> orders = data.orders().stream().map(Rows.Order::orderId).collect(Collectors.toSet());
        Set<Integer> customers = data.customers().stream().map(Rows.Customer::customerId).collect(Collectors.toSet());
        for (Rows.OrderItem item : data.orderItems()) {
            if (!orders.contains(item.orderId()) || !products.contains(item.productId())
                    || !stores.contains(item.storeId())) {
                throw new IllegalStateException("order item " + item.orderItemId() + " references a missing row");
            }
        }
        for (Rows.Order order : data.orders()) {
            if (!customers.contains(order.customerId()) || !stores.contains(order.storeId())) {
                throw new IllegalStateException("order " + order.orderId() + " references a missing row");
            }
        }
        content = data;
    }

    /** What the store holds now, or null. */
    public SampleDataSet content() {
        return content;
    }
}
