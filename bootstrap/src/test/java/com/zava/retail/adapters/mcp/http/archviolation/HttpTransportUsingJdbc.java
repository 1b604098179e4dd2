package com.zava.retail.adapters.mcp.http.archviolation;

import java.sql.Connection;

/** Fixture: a transport that opens database connections itself. Must be caught. */
public class HttpTransportUsingJdbc {

    Connection connection;
}
