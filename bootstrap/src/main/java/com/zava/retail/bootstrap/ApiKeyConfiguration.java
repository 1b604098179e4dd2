package com.zava.retail.bootstrap;

import com.zava.retail.application.port.out.ApiKeyStore;
import com.zava.retail.application.port.out.Clock;
import com.zava.retail.application.service.ApiKeyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** API keys: verified by the HTTP transport, managed by the {@code keys} command. */
@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

    @Bean
    ApiKeyService apiKeys(ApiKeyStore store, Clock clock) {
        return new ApiKeyService(store, clock);
    }
}
