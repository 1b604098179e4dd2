package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.sampledata.ZavaStore;
import com.zava.retail.domain.ManagerId;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;

/** What a misled model might send, and what it is told. The SQL lives here, not in the features. */
public class RefusedQuerySteps {

    private static final String HEAD_OFFICE = ManagerId.HEAD_OFFICE.asText();

    /** The attempts named in the features, as the SQL a model would write for them. */
    private static final Map<String, String> ATTEMPTS = Map.ofEntries(
            Map.entry("delete every order", "DELETE FROM retail.orders"),
            Map.entry("raise the price of every product", "UPDATE retail.products SET base_price = base_price * 2"),
            Map.entry("copy the orders into a new table", "SELECT * INTO retail.orders_copy FROM retail.orders"),
            Map.entry("delete orders from inside a WITH query",
                    "WITH gone AS (DELETE FROM retail.orders RETURNING order_id) SELECT count(*) FROM gone"),
            Map.entry("lock the inventory for an update", "SELECT * FROM retail.inventory FOR UPDATE"),
            Map.entry("read the orders and then delete them",
                    "SELECT count(*) FROM retail.orders; DELETE FROM retail.orders"),
            Map.entry("hide a second statement behind a comment",
                    "SELECT 1 /* nothing to see here */; DROP TABLE retail.orders CASCADE -- ;"),
            Map.entry("switch to head office in the middle of the query",
                    "SELECT set_config('zava.manager_id', '" + HEAD_OFFICE + "', true), count(*) FROM retail.orders"),
            Map.entry("switch to head office before the query",
                    "SET LOCAL zava.manager_id = '" + HEAD_OFFICE + "'; SELECT count(*) FROM retail.orders"),
            Map.entry("become the database owner", "SET ROLE zava_owner"),
            Map.entry("find out which manager it runs as", "SELECT current_setting('zava.manager_id')"),
            Map.entry("read what other managers asked", "SELECT manager_id, statement FROM audit.tool_calls"),
            Map.entry("read the API keys", "SELECT key_id, manager_id FROM auth.api_keys"));

    private final Conversation conversation;
    private String sent;
    private Map<String, String> before;

    public RefusedQuerySteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @When("the assistant sends a query that would {}")
    public void sendsAQueryThatWould(String attempt) {
        sent = ATTEMPTS.get(attempt);
        assertThat(sent).as("SQL for the attempt '%s' (known: %s)", attempt, ATTEMPTS.keySet()).isNotNull();
        before = SalesRecords.fingerprint();
        conversation.heard(conversation.connection().query(sent));
    }

    @When("the assistant adds head office's manager id to its query call")
    public void addsHeadOfficeToTheCall() {
        conversation.heard(conversation.connection().call("execute_sales_query", Map.of(
                "postgresql_query", "SELECT count(*) FROM retail.orders",
                "manager_id", HEAD_OFFICE, "rls_user_id", HEAD_OFFICE, "x-rls-user-id", HEAD_OFFICE))).answered();
    }

    @Then("the query is refused as unsafe, with the message {string}")
    public void refusedAsUnsafe(String message) {
        ToolAnswer answer = conversation.lastAnswer();
        assertThat(answer.refusal()).contains(message);
        assertThat(answer.refusalCode()).isEqualTo("REJECTED");
    }

    @Then("the message shows the model the query it sent")
    public void messageShowsTheQuery() {
        assertThat(conversation.lastAnswer().json().get("q")).isEqualTo(sent);
    }

    @Then("no sales data has changed")
    public void nothingChanged() {
        assertThat(SalesRecords.fingerprint()).isEqualTo(before);
    }

    @Then("the Seattle manager still sees only the orders of Zava Retail {store}")
    public void stillSeesOnlyTheirStore(ZavaStore store) {
        assertThat(conversation.caller().store()).contains(store);
        ToolAnswer answer = conversation.connection().query(
                "SELECT DISTINCT s.store_name FROM retail.orders o JOIN retail.stores s ON s.store_id = o.store_id");
        assertThat(answer.rows()).extracting(row -> row.get(0)).containsExactly(store.storeName());
        List<List<Object>> all = SalesRecords.query("SELECT count(DISTINCT store_id) FROM retail.orders");
        assertThat(((Number) all.get(0).get(0)).intValue()).as("stores with orders in the records").isGreaterThan(1);
    }
}
