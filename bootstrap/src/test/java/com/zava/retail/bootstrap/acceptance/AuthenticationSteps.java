package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zava.retail.application.port.in.ManageApiKeysUseCase.IssuedApiKey;
import com.zava.retail.application.sampledata.ZavaStore;
import com.zava.retail.application.service.ApiKeyService;
import com.zava.retail.domain.ManagerId;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * API-key authentication at the HTTP endpoint. Keys are issued and revoked by the application's key
 * service, the one behind the {@code keys} command. A refused connection is tried twice: with the
 * MCP Java SDK client, which must fail to initialise, and with a plain HTTP request, to read the
 * status, challenge and message the client was given.
 */
public class AuthenticationSteps {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"acceptance\","
            + "\"version\":\"1\"}}}";

    private final Conversation conversation;
    private Caller caller;
    private IssuedApiKey key;
    private McpConnection connection;
    private Throwable clientFailure;
    private HttpResponse<String> response;

    public AuthenticationSteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @Given("{caller} has been given an API key")
    public void hasBeenGivenAKey(Caller who) {
        caller = who;
        key = conversation.keys().create(who.managerId(), "acceptance: key of " + who);
    }

    @Given("they have used it over HTTP successfully")
    public void usedItSuccessfully() {
        theyConnectWithTheirKey();
        connection.call("get_current_utc_date", Map.of()).answered();
        connection.close();
        connection = null;
    }

    @When("they connect over HTTP with their key")
    public void theyConnectWithTheirKey() {
        connection = McpConnection.http(conversation.httpPort(), bearer(key.key()));
    }

    @When("the key is revoked")
    public void theKeyIsRevoked() {
        conversation.keys().revoke(key.keyId());
    }

    @When("a client connects over HTTP without any credential")
    public void connectsWithoutCredential() {
        attempt(Map.of());
    }

    @When("a client connects over HTTP with a made-up API key")
    public void connectsWithMadeUpKey() {
        attempt(bearer("zava_0123456789ab_" + "x".repeat(43)));
    }

    @When("a client connects over HTTP saying it is head office, without an API key")
    public void connectsClaimingHeadOffice() {
        attempt(Map.of("x-rls-user-id", ManagerId.HEAD_OFFICE.asText()));
    }

    @Then("connecting over HTTP with that key is refused as unauthenticated")
    public void connectingWithTheKeyIsRefused() throws InterruptedException {
        // A server trusts a looked-up key for a few seconds; the replica that revoked it, at once.
        long deadline = System.nanoTime() + ApiKeyService.RECORD_TTL.plusSeconds(3).toNanos();
        attempt(bearer(key.key()));
        while (response.statusCode() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            attempt(bearer(key.key()));
        }
        itIsRefused();
    }

    @Then("they are let in and offered the four sales tools")
    public void letInWithTheTools() {
        assertThat(connection.client().listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder("get_multiple_table_schemas", "execute_sales_query",
                        "semantic_search_products", "get_current_utc_date");
    }

    @Then("they see only the orders of Zava Retail {store}")
    public void seeOnlyOrdersOf(ZavaStore store) {
        assertThat(caller.store()).contains(store);
        ToolAnswer answer = connection.query(
                "SELECT DISTINCT s.store_name FROM retail.orders o JOIN retail.stores s ON s.store_id = o.store_id");
        assertThat(answer.rows()).extracting(row -> row.get(0)).containsExactly(store.storeName());
    }

    @Then("it is refused as unauthenticated")
    public void itIsRefused() {
        assertThat(clientFailure).as("the MCP client could initialise a session").isNotNull();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain("\"result\"").doesNotContain("serverInfo");
    }

    @Then("the refusal says that a valid API key is required")
    public void refusalAsksForAKey() {
        assertThat(response.body()).contains("A valid API key is required");
    }

    @After
    public void disconnect() {
        if (connection != null) {
            connection.close();
        }
    }

    private void attempt(Map<String, String> headers) {
        clientFailure = catchThrowable(() -> McpConnection.http(conversation.httpPort(), headers).close());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + conversation.httpPort()
                        + "/mcp"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        headers.forEach(request::header);
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }
}
