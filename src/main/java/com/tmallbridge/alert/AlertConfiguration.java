package com.tmallbridge.alert;

import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.store.BackupRuns;
import com.tmallbridge.sync.Checkpoints;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The alert module's beans: settings (checked at start), the built-in conditions and channels, the monitor and the façade. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertConfiguration {

  @Bean
  AlertCondition reauthorisationCondition(ShopManagement shops) {
    return new ReauthorisationCondition(shops);
  }

  @Bean
  AlertCondition openExceptionsCondition(ShopManagement shops, OrderManagement orders, AlertProperties properties) {
    return new OpenExceptionsCondition(shops, orders, properties.openExceptionsThreshold());
  }

  @Bean
  AlertCondition syncLagCondition(ShopManagement shops, Checkpoints checkpoints, AlertProperties properties) {
    return new SyncLagCondition(shops, checkpoints, properties.syncLagThreshold());
  }

  @Bean
  AlertCondition oversellCondition(ShopManagement shops, StockManagement stock, AlertProperties properties) {
    return new OversellCondition(shops, stock, properties.oversellWindow());
  }

  @Bean
  AlertCondition backupCondition(BackupRuns backups) {
    return new BackupCondition(backups);
  }

  @Bean
  @ConditionalOnProperty("bridge.alerts.dingtalk.webhook")
  AlertChannel dingTalkChannel(AlertProperties properties, Clock clock) {
    return new DingTalkChannel(properties.dingtalk(), new WebhookPoster(properties.timeout()), clock);
  }

  @Bean
  @ConditionalOnProperty("bridge.alerts.wecom.webhook")
  AlertChannel weComChannel(AlertProperties properties) {
    return new WeComChannel(properties.wecom(), new WebhookPoster(properties.timeout()));
  }

  @Bean
  @ConditionalOnProperty("bridge.alerts.email.host")
  AlertChannel emailChannel(AlertProperties properties) {
    return new EmailChannel(properties.email(), properties.timeout());
  }

  @Bean(destroyMethod = "close")
  AlertNotifier alertNotifier(ObjectProvider<AlertChannel> channels, AlertProperties properties, ObjectProvider<MeterRegistry> meters) {
    return new AlertNotifier(channels.orderedStream().toList(), properties.retry(), meters.getIfUnique(CompositeMeterRegistry::new));
  }

  @Bean(destroyMethod = "stop")
  AlertManagement alertManagement(ObjectProvider<AlertCondition> conditions, JdbcClient jdbc, AlertNotifier notifier,
      ShopManagement shops, OrderManagement orders, Checkpoints checkpoints, AlertProperties properties,
      PlatformTransactionManager transactionManager, ObjectProvider<MeterRegistry> meters, Clock clock) {
    AlertRepository repository = new AlertRepository(jdbc);
    AlertMonitor monitor = new AlertMonitor(conditions.orderedStream().toList(), repository, properties.cooldown(), clock);
    OperationsGauges gauges = new OperationsGauges(shops, orders, checkpoints, clock, meters.getIfUnique(CompositeMeterRegistry::new));
    return new AlertManagement(monitor, repository, notifier, gauges, properties, new TransactionTemplate(transactionManager), clock);
  }
}
