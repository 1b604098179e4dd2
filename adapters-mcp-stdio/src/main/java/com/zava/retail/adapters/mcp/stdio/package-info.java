/** stdio transport glue: one process, one manager (VS Code and other local agents). */
package com.zava.retail.adapters.mcp.stdio;
