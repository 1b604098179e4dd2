/** Streamable HTTP transport glue for remote agents: servlet, authentication, origin checks. */
package com.zava.retail.adapters.mcp.http;
