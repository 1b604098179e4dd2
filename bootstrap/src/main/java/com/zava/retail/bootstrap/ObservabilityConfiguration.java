package com.zava.retail.bootstrap;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of metrics and traces that properties cannot express. Statements a manager ran stay
 * out of spans: they can say what a store was looking into, and traces often leave the company's
 * boundary (a vendor's collector). The audit trail keeps statements; logs and spans keep only
 * their fingerprint.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    ObservationFilter withoutStatementText() {
        return context -> {
            for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
                if (keyValue.getKey().startsWith("jdbc.query") || keyValue.getKey().startsWith("jdbc.params")) {
                    context.removeHighCardinalityKeyValue(keyValue.getKey());
                }
            }
            return context;
        };
    }
}
