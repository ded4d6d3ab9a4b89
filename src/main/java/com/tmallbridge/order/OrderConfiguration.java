package com.tmallbridge.order;

import com.tmallbridge.secret.SealedColumns;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

  /** The particulars sent to the ERP (with the receiver), sealed at rest, for {@code keys reencrypt}. */
  @Bean
  SealedColumns orderAmendmentSealedColumns() {
    return new SealedColumns("order_trade_amendment", "seq", List.of(AmendmentRepository.SENT_JSON));
  }
}
