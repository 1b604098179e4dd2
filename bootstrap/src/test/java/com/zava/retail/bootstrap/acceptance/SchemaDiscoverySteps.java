package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.sampledata.ZavaStore;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code get_multiple_table_schemas}, as the assistant uses it before writing SQL. */
public class SchemaDiscoverySteps {

    private final Conversation conversation;

    public SchemaDiscoverySteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @When("the assistant asks for the structure of the tables {string} and {string}")
    public void asksForTables(String first, String second) {
        describe(List.of(first, second));
    }

    @When("the assistant asks for the structure of the table {string}")
    public void asksForTable(String table) {
        describe(List.of(table));
    }

    @When("the assistant asks for the structure of no table")
    public void asksForNoTable() {
        describe(List.of());
    }

    @Then("it receives the descriptions of {names}")
    public void receivesDescriptionsOf(List<String> tables) {
        assertThat(tables().stream().map(t -> t.get("table")).toList()).containsExactlyElementsOf(tables);
    }

    @Then("{word} is described with the columns {names}")
    public void describedWithColumns(String table, List<String> columns) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> described = (List<Map<String, Object>>) table(table).get("columns");
        assertThat(described).extracting(c -> c.get("name")).containsAll(columns);
        assertThat(described).allSatisfy(c -> assertThat(c.get("type")).as("type of %s", c.get("name")).isNotNull());
    }

    @Then("it learns that {word} refers to {names}")
    public void refersTo(String table, List<String> referenced) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> relationships = (List<Map<String, Object>>) table(table).get("relationships");
        List<String> outgoing = relationships.stream()
                .filter(r -> "outgoing".equals(r.get("direction")))
                .map(r -> String.valueOf(r.get("to")))
                .map(to -> to.substring(0, to.indexOf('(')))
                .toList();
        assertThat(outgoing).as("tables %s refers to", table).containsAll(referenced);
    }

    @Then("it learns which years have orders")
    public void learnsYearsWithOrders() {
        Caller caller = conversation.caller();
        List<String> years = SalesRecords.query("SELECT DISTINCT extract(year FROM order_date)::int::text "
                + "FROM retail.orders o JOIN retail.stores s ON s.store_id = o.store_id "
                + "WHERE ? OR s.rls_user_id = ? ORDER BY 1", caller.isHeadOffice(), caller.managerId().value())
                .stream().map(row -> (String) row.get(0)).toList();
        assertThat(years).isNotEmpty();
        assertThat(validValues("retail.orders").get("years_with_orders")).isEqualTo(years);
    }

    @Then("the only store it is offered is Zava Retail {store}")
    public void onlyStoreOffered(ZavaStore store) {
        assertThat(validValues("retail.orders").get("store_name")).containsExactly(store.storeName());
    }

    @Then("it is offered all {int} stores")
    public void offeredAllStores(int count) {
        List<String> all = Arrays.stream(ZavaStore.values()).map(ZavaStore::storeName).toList();
        assertThat(all).hasSize(count);
        assertThat(validValues("retail.orders").get("store_name")).containsExactlyElementsOf(all);
    }

    private void describe(List<String> tables) {
        conversation.heard(conversation.connection().call("get_multiple_table_schemas", Map.of("table_names", tables)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tables() {
        return (List<Map<String, Object>>) conversation.lastAnswer().answered().json().get("tables");
    }

    private Map<String, Object> table(String name) {
        return tables().stream().filter(t -> name.equals(t.get("table"))).findFirst()
                .orElseThrow(() -> new AssertionError("No description of " + name + " in " + conversation.lastAnswer()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> validValues(String name) {
        return (Map<String, List<String>>) table(name).get("valid_values");
    }
}
