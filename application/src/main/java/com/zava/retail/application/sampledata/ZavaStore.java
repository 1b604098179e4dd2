package com.zava.retail.application.sampledata;

import com.zava.retail.domain.ManagerId;

/**
 * The eight Zava stores with the manager ids kept from the original sample (so existing VS Code
 * configurations keep working) and the shape of their business: how customers spread across them
 * and how often those customers order.
 */
public enum ZavaStore {
    SEATTLE("Zava Retail Seattle", "f47ac10b-58cc-4372-a567-0e02b2c3d479", false, 30, 3.0, "206"),
    BELLEVUE("Zava Retail Bellevue", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", false, 25, 2.6, "425"),
    TACOMA("Zava Retail Tacoma", "a1b2c3d4-e5f6-7890-abcd-ef1234567890", false, 20, 2.4, "253"),
    SPOKANE("Zava Retail Spokane", "d8e9f0a1-b2c3-4567-8901-234567890abc", false, 8, 2.0, "509"),
    EVERETT("Zava Retail Everett", "3b9ac9fa-cd5e-4b92-a7f2-b8c1d0e9f2a3", false, 7, 1.8, "425"),
    REDMOND("Zava Retail Redmond", "e7f8a9b0-c1d2-3e4f-5678-90abcdef1234", false, 6, 1.6, "425"),
    KIRKLAND("Zava Retail Kirkland", "9c8b7a65-4321-fed0-9876-543210fedcba", false, 4, 1.4, "425"),
    ONLINE("Zava Retail Online", "2f4e6d8c-1a3b-5c7e-9f0a-b2d4f6e8c0a2", true, 30, 3.0, "360");

    private final String storeName;
    private final ManagerId managerId;
    private final boolean online;
    private final int customerWeight;
    private final double orderFrequency;
    private final String areaCode;

    ZavaStore(String storeName, String managerId, boolean online, int customerWeight, double orderFrequency,
            String areaCode) {
        this.storeName = storeName;
        this.managerId = ManagerId.parse(managerId);
        this.online = online;
        this.customerWeight = customerWeight;
        this.orderFrequency = orderFrequency;
        this.areaCode = areaCode;
    }

    /** Store id in the database: 1 for Seattle through 8 for Online. */
    public int storeId() {
        return ordinal() + 1;
    }

    public String storeName() {
        return storeName;
    }

    public ManagerId managerId() {
        return managerId;
    }

    public boolean online() {
        return online;
    }

    /** Relative share of customers whose primary store this is. */
    public int customerWeight() {
        return customerWeight;
    }

    /** Relative number of orders a customer of this store places. */
    public double orderFrequency() {
        return orderFrequency;
    }

    String areaCode() {
        return areaCode;
    }
}
