package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code semantic_search_products}: phrases, limits and similarity thresholds. */
public class ProductSearchSteps {

    private final Conversation conversation;
    private String phrase;

    public ProductSearchSteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @When("they search for products described as {string}")
    public void search(String description) {
        search(description, Map.of());
    }

    @When("they search for products described as {string}, at most {int} of them")
    public void searchAtMost(String description, int limit) {
        search(description, Map.of("max_rows", limit));
    }

    @When("they search for products described as {string} that are at least {int} percent similar")
    public void searchAtLeast(String description, int percent) {
        search(description, Map.of("similarity_threshold", percent));
    }

    @Then("among the first {int} products there is one of the type {string}")
    public void amongTheFirst(int count, String type) {
        List<Map<String, Object>> products = products();
        assertThat(products).hasSizeGreaterThanOrEqualTo(count);
        assertThat(products.subList(0, count)).extracting(p -> p.get("type_name")).contains(type);
    }

    @Then("the products come most similar first")
    public void mostSimilarFirst() {
        assertThat(products()).extracting(p -> ToolAnswer.decimal(p.get("sp")))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Then("every product is at least {int} percent similar")
    public void everyProductAtLeast(int percent) {
        assertThat(products()).isNotEmpty().allSatisfy(p -> assertThat(ToolAnswer.decimal(p.get("sp")))
                .as("similarity of %s", p.get("product_name")).isGreaterThanOrEqualTo(BigDecimal.valueOf(percent)));
    }

    @Then("they get {int} products")
    public void theyGet(int count) {
        assertThat(products()).hasSize(count);
    }

    @Then("they are the {int} most similar products of the same search without a limit")
    public void mostSimilarOfTheUnlimitedSearch(int count) {
        List<Object> limited = products().stream().map(p -> p.get("product_id")).toList();
        List<Map<String, Object>> unlimited = conversation.connection()
                .call("semantic_search_products", Map.of("query_description", phrase)).records();
        assertThat(unlimited).hasSizeGreaterThan(count);
        assertThat(limited).containsExactlyElementsOf(
                unlimited.subList(0, count).stream().map(p -> p.get("product_id")).toList());
    }

    @Then("the closest product is of the type {string}")
    public void closestProductIs(String type) {
        assertThat(products()).isNotEmpty();
        assertThat(products().get(0).get("type_name")).isEqualTo(type);
    }

    @Then("no products are found")
    public void noProducts() {
        assertThat(products()).isEmpty();
    }

    @Then("the assistant is told that nothing matched")
    public void toldNothingMatched() {
        assertThat(conversation.lastAnswer().json().get("msg")).asString().contains("No rows matched");
    }

    private void search(String description, Map<String, Object> options) {
        phrase = description;
        Map<String, Object> arguments = new LinkedHashMap<>(options);
        arguments.put("query_description", description);
        conversation.heard(conversation.connection().call("semantic_search_products", arguments));
    }

    private List<Map<String, Object>> products() {
        return conversation.lastAnswer().records();
    }
}
