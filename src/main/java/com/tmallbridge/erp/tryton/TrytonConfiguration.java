package com.tmallbridge.erp.tryton;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the Tryton connector when {@code bridge.erp.tryton.url} is set; select it with {@code
 * bridge.erp.active=tryton}. Nothing connects at startup: the first call logs in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "bridge.erp.tryton", name = "url")
@EnableConfigurationProperties(TrytonProperties.class)
class TrytonConfiguration {

  @Bean
  TrytonConnector trytonConnector(TrytonProperties properties) {
    return new TrytonConnector(new TrytonClient(properties), properties);
  }
}
