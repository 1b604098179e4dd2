package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.sampledata.ZavaStore;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Row-level security as a manager meets it: what the assistant can count through the tools,
 * compared with the company's records read without row-level security.
 */
public class VisibilitySteps {

    /** The store-bound tables, with the label they have in the features. */
    private static final Map<String, String> STORE_TABLES = new LinkedHashMap<>(Map.of(
            "orders", "retail.orders", "order lines", "retail.order_items", "inventory records", "retail.inventory"));

    private final Conversation conversation;
    private final Map<String, Map<String, Long>> seenByStore = new LinkedHashMap<>();
    private long customersSeen;

    public VisibilitySteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @When("they look at the orders, order lines, customers and inventory they can see")
    public void theyLookAtWhatTheyCanSee() {
        McpConnection connection = conversation.connection();
        STORE_TABLES.forEach((label, table) -> seenByStore.put(label, counts(conversation.heard(connection.query(
                "SELECT s.store_name, count(*) AS records FROM " + table + " t "
                        + "JOIN retail.stores s ON s.store_id = t.store_id GROUP BY s.store_name")).figures())));
        customersSeen = ToolAnswer.decimal(conversation.heard(connection.query(
                "SELECT count(*) AS customers FROM retail.customers")).rows().get(0).get(0)).longValueExact();
    }

    @Then("every order, order line and inventory record they see belongs to Zava Retail {store}")
    public void everythingBelongsTo(ZavaStore store) {
        seenByStore.forEach((label, byStore) ->
                assertThat(byStore.keySet()).as("stores of the %s %s sees", label, conversation.caller())
                        .containsExactly(store.storeName()));
    }

    @Then("they see orders, order lines and inventory of all {int} stores")
    public void theySeeAllStores(int stores) {
        List<String> allStores = Arrays.stream(ZavaStore.values()).map(ZavaStore::storeName).toList();
        assertThat(allStores).hasSize(stores);
        seenByStore.forEach((label, byStore) ->
                assertThat(byStore.keySet()).as("stores of the %s %s sees", label, conversation.caller())
                        .containsExactlyInAnyOrderElementsOf(allStores));
    }

    @Then("they see exactly the orders, order lines, customers and inventory records of Zava Retail {store}")
    public void theySeeExactlyTheRecordsOf(ZavaStore store) {
        assertSeenEqualsRecordsOf(Optional.of(store));
    }

    @Then("they see exactly the orders, order lines, customers and inventory records of the whole company")
    public void theySeeExactlyTheWholeCompany() {
        assertSeenEqualsRecordsOf(Optional.empty());
    }

    private void assertSeenEqualsRecordsOf(Optional<ZavaStore> store) {
        STORE_TABLES.forEach((label, table) -> {
            Map<String, Long> recorded = new TreeMap<>();
            for (List<Object> row : SalesRecords.query("SELECT s.store_name, count(*) FROM " + table + " t "
                    + "JOIN retail.stores s ON s.store_id = t.store_id GROUP BY s.store_name")) {
                String storeName = (String) row.get(0);
                if (store.isEmpty() || store.get().storeName().equals(storeName)) {
                    recorded.put(storeName, ((Number) row.get(1)).longValue());
                }
            }
            assertThat(recorded.values()).as("the records hold %s", label).isNotEmpty().allMatch(n -> n > 0);
            assertThat(new TreeMap<>(seenByStore.get(label))).as("%s seen by %s", label, conversation.caller())
                    .isEqualTo(recorded);
        });
        // A customer belongs to a store through their primary store or any order placed there.
        long customers = store.isEmpty()
                ? SalesRecords.count("SELECT count(*) FROM retail.customers")
                : SalesRecords.count("""
                        SELECT count(*) FROM retail.customers c
                         WHERE c.primary_store_id = (SELECT store_id FROM retail.stores WHERE store_name = ?)
                            OR c.customer_id IN (SELECT o.customer_id FROM retail.orders o
                                                   JOIN retail.stores s ON s.store_id = o.store_id
                                                  WHERE s.store_name = ?)""",
                        store.get().storeName(), store.get().storeName());
        assertThat(customers).as("customers in the records").isPositive();
        assertThat(customersSeen).as("customers seen by %s", conversation.caller()).isEqualTo(customers);
    }

    private static Map<String, Long> counts(Map<String, BigDecimal> figures) {
        Map<String, Long> counts = new LinkedHashMap<>();
        figures.forEach((name, value) -> counts.put(name, value.longValueExact()));
        return counts;
    }
}
