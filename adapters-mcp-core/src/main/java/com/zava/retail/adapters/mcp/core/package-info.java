/** The MCP tool catalogue shared by the stdio and Streamable HTTP transports. */
package com.zava.retail.adapters.mcp.core;
