/**
 * The retail vocabulary of the Zava MCP server: value objects and domain errors. Pure Java: no
 * framework, no JDBC, no MCP, so the rules here can be read and tested without any of them.
 */
package com.zava.retail.domain;
