package com.zava.retail.adapters.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.adapters.mcp.core.CallerResolver;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.UnavailableException;
import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.service.InMemoryRateLimiter;
import com.zava.retail.application.service.RateLimitService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AuthenticationFilterTest {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    /** Three failures per address, and the clock stands still, so no token comes back during a test. */
    private final RateLimitService limiter = new RateLimitService(new InMemoryRateLimiter(() -> Instant.EPOCH),
            new RateLimit("tool-calls", 60, 20), new RateLimit("failed-authentications", 3, 3), () -> Instant.EPOCH);

    private MockHttpServletResponse send(AuthenticationFilter filter, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        request.setRemoteAddr("192.0.2.7");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            assertThat(request.getAttribute(CallerResolver.CONTEXT_KEY)).isEqualTo(SEATTLE);
        }
        return response;
    }

    @Test
    void aVerifiedCredentialPassesWithItsManager() throws Exception {
        AuthenticationFilter filter = new AuthenticationFilter(SecurityMode.API_KEY,
                key -> key.equals("good") ? Optional.of(SEATTLE) : Optional.empty(), limiter, attempts::incrementAndGet, failures::incrementAndGet);
        assertThat(send(filter, "Bearer good").getStatus()).isEqualTo(200);
        assertThat(failures).hasValue(0);
    }

    @Test
    void failuresAreCountedAndLimitedPerAddress() throws Exception {
        AuthenticationFilter filter = new AuthenticationFilter(SecurityMode.API_KEY, key -> Optional.empty(), limiter,
                attempts::incrementAndGet, failures::incrementAndGet);
        for (int i = 0; i < 3; i++) {
            assertThat(send(filter, "Bearer bad").getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse limited = send(filter, "Bearer bad");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isNotBlank();
        assertThat(failures).hasValue(3);
        assertThat(attempts).as("the refused fourth request was not checked").hasValue(3);
    }

    @Test
    void anUncheckableCredentialIsA503NotAFailure() throws Exception {
        AuthenticationFilter filter = new AuthenticationFilter(SecurityMode.API_KEY, key -> {
            throw new UnavailableException("database away");
        }, limiter, attempts::incrementAndGet, failures::incrementAndGet);
        for (int i = 0; i < 4; i++) {
            MockHttpServletResponse response = send(filter, "Bearer anything");
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        }
        assertThat(failures).hasValue(0);
        assertThat(limiter.waitBeforeAttempt("192.0.2.7")).isEqualTo(Duration.ZERO);
    }
}
