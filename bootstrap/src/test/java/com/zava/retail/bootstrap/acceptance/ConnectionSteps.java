package com.zava.retail.bootstrap.acceptance;

import io.cucumber.java.en.Given;

/** Who is asking, and how their assistant reaches the server. */
public class ConnectionSteps {

    private final Conversation conversation;

    public ConnectionSteps(Conversation conversation) {
        this.conversation = conversation;
    }

    @Given("{caller} is connected over {transport}")
    public void connected(Caller caller, Transport transport) {
        conversation.connect(caller, transport);
    }
}
