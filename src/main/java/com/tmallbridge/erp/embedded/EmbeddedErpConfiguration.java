package com.tmallbridge.erp.embedded;

import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the built-in ERP's settings and its {@link EmbeddedErpOperations}; the connector
 * itself is a component of this package.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedErpProperties.class)
class EmbeddedErpConfiguration {

  @Bean
  EmbeddedErpOperations embeddedErpOperations(EmbeddedErpConnector connector) {
    return connector.operations();
  }
}
