package com.zava.retail.benchmarks;

/**
 * Versions of everything on the measured path.
 *
 * @param java        the JVM running the servers and the harness
 * @param postgres    {@code SHOW server_version}
 * @param redis       {@code INFO server}
 * @param app         the server's own version, from its {@code initialize} answer
 * @param springBoot  from the jar's manifest
 * @param mcpProtocol the protocol version the client and server agreed on
 * @param mcpSdk      the MCP Java SDK the clients use
 */
record Versions(String java, String postgres, String redis, String app, String springBoot, String mcpProtocol,
        String mcpSdk) {
}
