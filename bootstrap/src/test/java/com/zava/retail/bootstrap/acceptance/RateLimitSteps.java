package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.bootstrap.ZavaRetailMcpApplication;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The per-caller tool-call limit. Small limits need a server of their own: the suite's application
 * allows practically unlimited calls, so this scenario starts a second one (same database, same
 * Redis) with {@code zava.rate-limit.tool-calls.per-minute} and {@code .burst} set, and connects to it.
 */
public class RateLimitSteps {

    /** "Try again in 2 s", "retry after 2 seconds": the wait the model is told about. */
    private static final Pattern WAIT = Pattern.compile("(\\d+)\\s*(?:s|sec|secs|second|seconds)\\b");

    private final Conversation conversation;
    private ConfigurableApplicationContext limitedServer;
    private final List<ToolAnswer> answers = new ArrayList<>();

    public RateLimitSteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @Given("the server allows each caller {int} tool calls per minute, in bursts of up to {int}")
    public void theServerAllows(int perMinute, int burst) {
        List<String> args = new ArrayList<>(SalesRecords.applicationArguments());
        args.add("--server.port=0");
        args.add("--zava.security.mode=api-key");
        args.add("--zava.rate-limit.tool-calls.per-minute=" + perMinute);
        args.add("--zava.rate-limit.tool-calls.burst=" + burst);
        limitedServer = new SpringApplicationBuilder(ZavaRetailMcpApplication.class).run(args.toArray(String[]::new));
        Integer port = limitedServer.getEnvironment().getProperty("local.server.port", Integer.class);
        assertThat(port).as("port of the rate-limited server").isNotNull();
        conversation.useServerOnPort(port);
    }

    @When("they make {int} tool calls in quick succession")
    public void burst(int calls) {
        for (int i = 0; i < calls; i++) {
            answers.add(conversation.heard(conversation.connection().call("get_current_utc_date", Map.of())));
        }
    }

    @Then("the first {int} calls are answered")
    public void firstAnswered(int count) {
        assertThat(answers.subList(0, count)).allSatisfy(ToolAnswer::answered);
    }

    @Then("the other {int} are refused with a message telling them to slow down and when to try again")
    public void othersRefused(int count) {
        List<ToolAnswer> rest = answers.subList(answers.size() - count, answers.size());
        assertThat(rest).allSatisfy(answer -> {
            assertThat(answer.refusalCode()).isEqualTo("RATE_LIMITED");
            assertThat(answer.refusal()).containsIgnoringCase("too many").containsIgnoringCase("try again");
            assertThat(WAIT.matcher(answer.refusal()).find()).as("says how long to wait: %s", answer.refusal()).isTrue();
        });
    }

    @When("they wait as long as they were told")
    public void waitAsTold() throws InterruptedException {
        Matcher wait = WAIT.matcher(answers.get(answers.size() - 1).refusal());
        assertThat(wait.find()).isTrue();
        long seconds = Long.parseLong(wait.group(1));
        assertThat(seconds).as("the wait for one call at this rate").isBetween(1L, 60L);
        Thread.sleep(seconds * 1000);
    }

    @Then("their next tool call is answered")
    public void nextCallAnswered() {
        conversation.heard(conversation.connection().call("get_current_utc_date", Map.of())).answered();
    }

    @After("@rate-limiting")
    public void stopTheLimitedServer() {
        if (limitedServer != null) {
            limitedServer.close();
        }
    }
}
