package com.zava.retail.adapters.postgres.archviolation;

import com.zava.retail.bootstrap.ZavaRetailMcpApplication;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpClient;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Fixture: the PostgreSQL adapter using bootstrap, MCP, Redis and an HTTP client. Must be caught. */
public class PostgresAdapterUsingOtherTechnologies {

    ZavaRetailMcpApplication application;
    McpSchema.Tool tool;
    StringRedisTemplate redis;
    HttpClient http;
}
