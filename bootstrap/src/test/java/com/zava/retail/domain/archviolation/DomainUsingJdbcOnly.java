package com.zava.retail.domain.archviolation;

import java.sql.Connection;

/** Fixture: java.sql lives in the JDK but is still not the domain's business. Must be caught. */
public class DomainUsingJdbcOnly {

    Connection connection;
}
