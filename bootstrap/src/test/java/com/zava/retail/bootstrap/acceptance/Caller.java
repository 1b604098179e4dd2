package com.zava.retail.bootstrap.acceptance;

import com.zava.retail.application.sampledata.ZavaStore;
import com.zava.retail.domain.ManagerId;
import java.util.Optional;

/**
 * Someone who asks Zava's data questions: head office, or the manager of one store. Manager ids
 * and store names come from the sample data the suite seeds.
 */
record Caller(String description, ManagerId managerId, Optional<ZavaStore> store) {

    static final Caller HEAD_OFFICE = new Caller("head office", ManagerId.HEAD_OFFICE, Optional.empty());

    static Caller managerOf(ZavaStore store) {
        return new Caller("the " + shortName(store) + " manager", store.managerId(), Optional.of(store));
    }

    /** "Seattle" for Zava Retail Seattle. */
    static String shortName(ZavaStore store) {
        return store.storeName().substring("Zava Retail ".length());
    }

    /** The store named as in the features ("Seattle", "Online"). */
    static ZavaStore store(String shortName) {
        for (ZavaStore store : ZavaStore.values()) {
            if (shortName(store).equalsIgnoreCase(shortName.strip())) {
                return store;
            }
        }
        throw new IllegalArgumentException("No Zava store called '" + shortName + "'");
    }

    boolean isHeadOffice() {
        return store.isEmpty();
    }

    @Override
    public String toString() {
        return description;
    }
}
