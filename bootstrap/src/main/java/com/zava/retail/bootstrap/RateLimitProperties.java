package com.zava.retail.bootstrap;

import com.zava.retail.application.port.out.RateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The product's rate limits ({@code zava.rate-limit.*}); each is a token bucket of {@code burst}
 * calls refilled at {@code per-minute}.
 *
 * @param toolCalls             tool calls per manager ({@code ZAVA_RATE_LIMIT_TOOL_CALLS_PER_MINUTE}, {@code ..._BURST})
 * @param failedAuthentications failed authentications per client address
 *                              ({@code ZAVA_RATE_LIMIT_FAILED_AUTHENTICATIONS_PER_MINUTE}, {@code ..._BURST})
 */
@ConfigurationProperties(prefix = "zava.rate-limit")
record RateLimitProperties(
        @DefaultValue ToolCalls toolCalls,
        @DefaultValue FailedAuthentications failedAuthentications) {

    /** 60 a minute with bursts of 20: a busy analyst's pace, far below what a runaway agent loop does. */
    record ToolCalls(@DefaultValue("60") int perMinute, @DefaultValue("20") int burst) {
    }

    /** 20 a minute: plenty for a mistyped key, far too few to guess one. */
    record FailedAuthentications(@DefaultValue("20") int perMinute, @DefaultValue("20") int burst) {
    }

    RateLimit toolCallLimit() {
        return new RateLimit("tool-calls", toolCalls.perMinute(), toolCalls.burst());
    }

    RateLimit failedAuthenticationLimit() {
        return new RateLimit("failed-authentications", failedAuthentications.perMinute(), failedAuthentications.burst());
    }
}
