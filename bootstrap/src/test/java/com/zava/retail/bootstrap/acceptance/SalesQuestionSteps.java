package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.sampledata.ZavaStore;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions from the original sample's prompts, with the SQL an assistant would write for them.
 * Each answer is checked against the same figures computed from the sales records directly.
 */
public class SalesQuestionSteps {

    private static final String REVENUE_BY_STORE = """
            SELECT s.store_name, sum(oi.total_amount) AS revenue
              FROM retail.order_items oi
              JOIN retail.orders o ON o.order_id = oi.order_id
              JOIN retail.stores s ON s.store_id = o.store_id
             WHERE o.order_date >= DATE '%s' AND o.order_date < DATE '%s'
             GROUP BY s.store_name
             ORDER BY revenue DESC""";

    private static final String TOP_CATEGORIES = """
            SELECT c.category_name, sum(oi.total_amount) AS revenue
              FROM retail.order_items oi
              JOIN retail.orders o ON o.order_id = oi.order_id
              JOIN retail.products p ON p.product_id = oi.product_id
              JOIN retail.categories c ON c.category_id = p.category_id
             WHERE o.order_date > DATE '%s'
             GROUP BY c.category_name
             ORDER BY revenue DESC
             LIMIT %d""";

    private static final String LOW_STOCK = """
            SELECT p.product_name, s.store_name, i.stock_level
              FROM retail.inventory i
              JOIN retail.products p ON p.product_id = i.product_id
              JOIN retail.stores s ON s.store_id = i.store_id
             WHERE i.stock_level < 10
             ORDER BY i.stock_level, p.product_name""";

    /** Below this many units a product is low on stock (the reorder level of the sample data). */
    private static final int REORDER_LEVEL = 10;

    private final Conversation conversation;
    private LocalDate from;
    private LocalDate until;
    private Map<String, BigDecimal> figures;
    private List<Map<String, Object>> lowStock;

    public SalesQuestionSteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @When("they ask for revenue by store for last quarter")
    public void revenueByStoreLastQuarter() {
        LocalDate today = conversation.connection().today();
        LocalDate quarterStart = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        from = quarterStart.minusMonths(3);
        until = quarterStart;
        figures = conversation.heard(conversation.connection().query(REVENUE_BY_STORE.formatted(from, until))).figures();
    }

    @Then("they get one revenue figure for each store that sold something last quarter, largest first")
    public void oneFigurePerStoreLargestFirst() {
        assertThat(figures.keySet()).containsExactlyInAnyOrderElementsOf(recordedRevenueByStore().keySet());
        assertThat(figures).hasSizeGreaterThan(1);
        assertThat(new ArrayList<>(figures.values())).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Then("they get a single revenue figure, for Zava Retail {store}")
    public void singleFigureFor(ZavaStore store) {
        assertThat(figures.keySet()).containsExactly(store.storeName());
    }

    @Then("every figure is that store's revenue for last quarter in the sales records")
    public void figuresMatchTheRecords() {
        Map<String, BigDecimal> recorded = recordedRevenueByStore();
        assertThat(figures).isNotEmpty();
        figures.forEach((store, revenue) -> assertThat(revenue).as("revenue of %s from %s until %s", store, from, until)
                .isEqualByComparingTo(recorded.get(store)).isPositive());
    }

    @Then("Zava Retail Seattle and Zava Retail Online are among them")
    public void seattleAndOnlineAreAmongThem() {
        assertThat(figures).containsKeys(ZavaStore.SEATTLE.storeName(), ZavaStore.ONLINE.storeName());
    }

    @When("they ask for the top {int} product categories by revenue over the last twelve months")
    public void topCategories(int count) {
        from = conversation.connection().today().minusMonths(12);
        figures = conversation.heard(conversation.connection().query(TOP_CATEGORIES.formatted(from, count))).figures();
    }

    @Then("they get {int} categories, best first")
    public void categoriesBestFirst(int count) {
        assertThat(figures).hasSize(count);
        assertThat(new ArrayList<>(figures.values())).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Then("they are the {int} best-selling categories in the sales records they may see")
    public void bestSellingCategoriesInTheRecords(int count) {
        Caller caller = conversation.caller();
        Map<String, BigDecimal> recorded = new LinkedHashMap<>();
        for (List<Object> row : SalesRecords.query("""
                SELECT c.category_name, sum(oi.total_amount) AS revenue
                  FROM retail.order_items oi
                  JOIN retail.orders o ON o.order_id = oi.order_id
                  JOIN retail.stores s ON s.store_id = o.store_id
                  JOIN retail.products p ON p.product_id = oi.product_id
                  JOIN retail.categories c ON c.category_id = p.category_id
                 WHERE o.order_date > ? AND (? OR s.rls_user_id = ?)
                 GROUP BY c.category_name
                 ORDER BY revenue DESC""", from, caller.isHeadOffice(), caller.managerId().value())) {
            recorded.put((String) row.get(0), (BigDecimal) row.get(1));
        }
        assertThat(recorded).as("categories with sales in the records").hasSizeGreaterThanOrEqualTo(count);
        List<String> best = new ArrayList<>(recorded.keySet()).subList(0, count);
        assertThat(figures.keySet()).containsExactlyElementsOf(best);
        figures.forEach((category, revenue) -> assertThat(revenue).as(category)
                .isEqualByComparingTo(recorded.get(category)));
    }

    @When("they ask which products are low on stock")
    public void lowOnStock() {
        lowStock = conversation.heard(conversation.connection().query(LOW_STOCK)).records();
    }

    @Then("they get the products with fewer than {int} units in stock")
    public void productsBelow(int units) {
        assertThat(units).isEqualTo(REORDER_LEVEL);
        assertThat(lowStock).isNotEmpty().allSatisfy(row ->
                assertThat(ToolAnswer.decimal(row.get("stock_level")).intValueExact()).isLessThan(units));
    }

    @Then("every one of them is stocked at Zava Retail {store}")
    public void allAt(ZavaStore store) {
        assertThat(lowStock).extracting(row -> row.get("store_name")).containsOnly(store.storeName());
    }

    @Then("no low-stock product of Zava Retail {store} is missing")
    public void noneMissing(ZavaStore store) {
        List<Object> recorded = SalesRecords.query("""
                SELECT p.product_name
                  FROM retail.inventory i
                  JOIN retail.products p ON p.product_id = i.product_id
                  JOIN retail.stores s ON s.store_id = i.store_id
                 WHERE i.stock_level < ? AND s.store_name = ?""", REORDER_LEVEL, store.storeName())
                .stream().map(row -> row.get(0)).toList();
        assertThat(lowStock).extracting(row -> row.get("product_name")).containsExactlyInAnyOrderElementsOf(recorded);
    }

    /** Revenue per store in [from, until) from the records, limited to the stores the caller may see. */
    private Map<String, BigDecimal> recordedRevenueByStore() {
        Caller caller = conversation.caller();
        Map<String, BigDecimal> recorded = new LinkedHashMap<>();
        for (List<Object> row : SalesRecords.query("""
                SELECT s.store_name, sum(oi.total_amount)
                  FROM retail.order_items oi
                  JOIN retail.orders o ON o.order_id = oi.order_id
                  JOIN retail.stores s ON s.store_id = o.store_id
                 WHERE o.order_date >= ? AND o.order_date < ? AND (? OR s.rls_user_id = ?)
                 GROUP BY s.store_name""", from, until, caller.isHeadOffice(), caller.managerId().value())) {
            recorded.put((String) row.get(0), (BigDecimal) row.get(1));
        }
        return recorded;
    }
}
