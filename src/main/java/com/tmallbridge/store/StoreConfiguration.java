package com.tmallbridge.store;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link EmbeddedStoreRecovery} on the bridge's data source before the pool opens its first connection (and so before Flyway). */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreRecovery.class);

  @Bean
  static BeanPostProcessor embeddedStoreRecovery() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource data && data.getJdbcUrl() != null) {
          new EmbeddedStoreRecovery(Clock.systemDefaultZone(), LOG::warn)
              .recover(data.getJdbcUrl(), data.getUsername() == null ? "" : data.getUsername(), data.getPassword() == null ? "" : data.getPassword());
        }
        return bean;
      }
    };
  }
}
