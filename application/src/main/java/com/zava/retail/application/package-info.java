/**
 * Use cases of the Zava MCP server: ports in ({@code *UseCase}), ports out (named after the
 * capability they give, in domain words) and the services that orchestrate them. Depends on the
 * domain only.
 */
package com.zava.retail.application;
