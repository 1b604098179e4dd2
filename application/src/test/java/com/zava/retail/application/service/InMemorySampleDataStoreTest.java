package com.zava.retail.application.service;

import com.zava.retail.application.port.out.SampleDataStore;

class InMemorySampleDataStoreTest extends SampleDataStoreContract {

    @Override
    protected SampleDataStore emptyStore() {
        return new InMemorySampleDataStore();
    }

    @Override
    protected Object fingerprint(SampleDataStore store) {
        var content = ((InMemorySampleDataStore) store).content();
        return java.util.List.of(content.orders(), content.orderItems(), content.customers(), content.inventory());
    }
}
