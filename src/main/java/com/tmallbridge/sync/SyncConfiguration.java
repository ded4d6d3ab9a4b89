package com.tmallbridge.sync;

import com.tmallbridge.secret.FieldCipher;
import com.tmallbridge.secret.SealedColumns;
import io.micrometer.core.instrument.MeterRegistry;
import com.tmallbridge.secret.FieldCipher;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.util.function.SingletonSupplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the sync engine: the JDBC implementations of {@link Outbox}, {@link Inbox}, {@link
 * Checkpoints} and {@link OutboxAdmin}, the {@link OutboxDispatcher} with every {@link
 * MessageHandler} bean, and the {@link DispatcherWorker}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SyncProperties.class, InboxProperties.class})
class SyncConfiguration {

  @Bean
  UrgentDoorbell urgentDoorbell() {
    return new UrgentDoorbell();
  }

  @Bean
  Outbox outbox(JdbcTemplate jdbcTemplate, Clock clock, ObjectProvider<MessageHandler> handlers, UrgentDoorbell doorbell, FieldCipher cipher) {
    // read lazily: handlers may themselves need the outbox
    Supplier<Set<String>> urgent = SingletonSupplier.of(() ->
        handlers.orderedStream().filter(MessageHandler::urgent).map(MessageHandler::messageType).collect(Collectors.toUnmodifiableSet()));
    Predicate<String> urgentType = type -> urgent.get().contains(type);
    return new RingingOutbox(new JdbcOutbox(jdbcTemplate, clock, urgentType, cipher), urgentType, doorbell);
  }

  @Bean
  Inbox inbox(JdbcTemplate jdbcTemplate, Clock clock, FieldCipher cipher) {
    return new JdbcInbox(jdbcTemplate, clock, cipher);
  }

  @Bean
  Checkpoints checkpoints(JdbcClient jdbc, Clock clock) {
    return new JdbcCheckpoints(jdbc, clock);
  }

  @Bean
  OutboxAdmin outboxAdmin(JdbcClient jdbc, Clock clock) {
    return new JdbcOutboxAdmin(jdbc, clock);
  }

  @Bean
  OutboxDispatcher outboxDispatcher(
      JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, ObjectProvider<MessageHandler> handlers,
      ApplicationEventPublisher events, SyncProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters, FieldCipher cipher) {
    return dispatcher(jdbcTemplate, transactionManager, handlers.orderedStream().toList(), events, properties, clock,
        meters.getIfAvailable(CompositeMeterRegistry::new), cipher);
  }

  @Bean
  OutboxPurge outboxPurge(JdbcClient jdbc, PlatformTransactionManager transactionManager, SyncProperties properties, Clock clock) {
    return new OutboxPurge(jdbc, new TransactionTemplate(transactionManager), properties.outbox().retention(), clock);
  }

  @Bean
  InboxPurge inboxPurge(JdbcClient jdbc, PlatformTransactionManager transactionManager, InboxProperties properties, Clock clock) {
    return new InboxPurge(jdbc, new TransactionTemplate(transactionManager), properties.retention(), clock);
  }

  @Bean
  DispatcherWorker dispatcherWorker(OutboxDispatcher dispatcher, SyncProperties properties, UrgentDoorbell doorbell, OutboxPurge purge,
      InboxPurge inboxPurge) {
    return new DispatcherWorker(dispatcher, properties, doorbell, purge, inboxPurge);
  }

  /** The inbox snapshot ({@link JdbcInbox#PAYLOAD}, with its digest) and the outbox payload are sealed. */
  @Bean
  SealedColumns syncInboxSealedColumns() {
    return new SealedColumns("sync_inbox", "seq", List.of(JdbcInbox.PAYLOAD), Map.of(JdbcInbox.PAYLOAD, "payload_digest"));
  }

  @Bean
  SealedColumns syncOutboxSealedColumns() {
    return new SealedColumns("sync_outbox", "seq", List.of(JdbcOutbox.PAYLOAD));
  }

  /** Builds a dispatcher whose timers go nowhere; what tests use outside a Spring context. */
  static OutboxDispatcher dispatcher(
      JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, List<MessageHandler> handlers,
      ApplicationEventPublisher events, SyncProperties properties, Clock clock, FieldCipher cipher) {
    return dispatcher(jdbcTemplate, transactionManager, handlers, events, properties, clock, new CompositeMeterRegistry(), cipher);
  }

  /** Builds a dispatcher that records its timers in {@code meters}. */
  static OutboxDispatcher dispatcher(
      JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, List<MessageHandler> handlers,
      ApplicationEventPublisher events, SyncProperties properties, Clock clock, MeterRegistry meters, FieldCipher cipher) {
    DataSource dataSource = Objects.requireNonNull(jdbcTemplate.getDataSource(), "JdbcTemplate without a DataSource");
    OutboxRepository repository = new OutboxRepository(jdbcTemplate, SqlDialect.detect(dataSource), cipher);
    TransactionTemplate newTransaction = new TransactionTemplate(transactionManager);
    newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    SyncProperties.Outbox outbox = properties.outbox();
    RetryPolicy retryPolicy =
        new RetryPolicy(outbox.maxAttempts(), outbox.backoffBase(), outbox.backoffCap(), outbox.jitter(), new Random());
    FailureRecorder failures = new FailureRecorder(repository, retryPolicy, newTransaction, events, clock);
    return new OutboxDispatcher(repository, new MessageHandlers(handlers), failures, newTransaction, properties, clock,
        new OutboxMeters(meters));
  }
}
