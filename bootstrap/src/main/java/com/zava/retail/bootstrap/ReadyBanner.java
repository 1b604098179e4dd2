package com.zava.retail.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the server, in one line, that it is ready and where. */
@Component
class ReadyBanner {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            ApplicationContext context = (ApplicationContext) event.getSource();
            if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
                int port = web.getWebServer().getPort();
                LOG.info("Zava Retail MCP server ready: MCP endpoint http://127.0.0.1:{}/mcp "
                        + "(liveness /health, readiness /ready)", port);
            }
        }
    }
}
