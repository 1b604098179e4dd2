package com.zava.retail.domain.archviolation;

import io.modelcontextprotocol.spec.McpSchema;
import java.sql.Connection;
import org.springframework.stereotype.Component;

/** Fixture: a domain class that reaches for Spring, JDBC and the MCP SDK. Must be caught. */
@Component
public class DomainUsingFrameworks {

    Connection connection;
    McpSchema.Tool tool;
}
