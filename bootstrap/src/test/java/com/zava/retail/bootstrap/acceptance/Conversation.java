package com.zava.retail.bootstrap.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.in.ManageApiKeysUseCase;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;

/**
 * One scenario's conversation: who is asking, over which transport, and what the server last
 * answered. A new instance for every scenario; steps share it through constructor injection.
 */
public class Conversation {

    private final int applicationPort;
    private final ManageApiKeysUseCase keys;
    private Integer serverPort;
    private Caller caller;
    private McpConnection connection;
    private ToolAnswer lastAnswer;

    public Conversation(@Value("${local.server.port}") int applicationPort, ManageApiKeysUseCase keys) {
        this.applicationPort = applicationPort;
        this.keys = keys;
    }

    /** Connects the caller's assistant: with the caller's API key over HTTP, or to their own stdio server. */
    void connect(Caller who, Transport transport) {
        disconnect();
        caller = who;
        connection = switch (transport) {
            case HTTP -> McpConnection.http(httpPort(), Map.of("Authorization", "Bearer " + ApiKeys.of(who, keys)));
            case STDIO -> StdioServers.connect(who);
        };
    }

    /** The HTTP port scenarios connect to: the suite's application, unless a scenario started its own server. */
    int httpPort() {
        return serverPort == null ? applicationPort : serverPort;
    }

    void useServerOnPort(int port) {
        serverPort = port;
    }

    ManageApiKeysUseCase keys() {
        return keys;
    }

    Caller caller() {
        assertThat(caller).as("someone must be connected first").isNotNull();
        return caller;
    }

    McpConnection connection() {
        assertThat(connection).as("someone must be connected first").isNotNull();
        return connection;
    }

    /** Keeps a tool's answer for the steps that judge it. */
    ToolAnswer heard(ToolAnswer answer) {
        lastAnswer = answer;
        return answer;
    }

    ToolAnswer lastAnswer() {
        assertThat(lastAnswer).as("a tool must have been called first").isNotNull();
        return lastAnswer;
    }

    @After
    public void hangUp(Scenario scenario) {
        if (scenario.isFailed() && connection != null && connection.transport() == Transport.STDIO) {
            scenario.attach(StdioServers.logOf(caller), "text/plain", "stdio server log of " + caller);
        }
        if (scenario.isFailed() && lastAnswer != null) {
            scenario.attach(lastAnswer.toString(), "text/plain", "last tool answer");
        }
        disconnect();
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
