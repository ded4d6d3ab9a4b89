package com.tmallbridge.erp.embedded;

import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.secret.SealedColumns;
import java.util.List;
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

  /** The sales-order columns sealed at rest, for {@code keys reencrypt}. */
  @Bean
  SealedColumns embeddedErpSealedColumns() {
    return new SealedColumns("erp_sales_order", "doc_no", List.of(SalesOrderRepository.RECEIVER_NAME, SalesOrderRepository.RECEIVER_MOBILE,
        SalesOrderRepository.RECEIVER_PHONE, SalesOrderRepository.RECEIVER_ADDRESS));
  }

  /** The customer's name (the buyer's nick), sealed at rest. */
  @Bean
  SealedColumns embeddedErpCustomerSealedColumns() {
    return new SealedColumns("erp_customer", "customer_no", List.of(CustomerRepository.NAME));
  }
}
