package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.domain.TableName;
import io.cucumber.java.en.Then;

/** What the model reads when the server refuses a tool call, whichever tool it was. */
public class AnswerSteps {

    private final Conversation conversation;

    public AnswerSteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @Then("the request is refused with the message {string}")
    public void refusedWithMessage(String message) {
        assertThat(conversation.lastAnswer().refusal()).contains(message);
    }

    @Then("the message lists every table that can be described")
    public void messageListsTheTables() {
        assertThat(conversation.lastAnswer().refusal()).contains(TableName.VALID);
    }
}
