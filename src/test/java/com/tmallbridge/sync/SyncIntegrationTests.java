package com.tmallbridge.sync;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sync module wired by Spring, with handler and listener beans as flow modules register them. */
@ApplicationModuleTest(extraIncludes = {"secret", "audit"})
@TestPropertySource(properties = {
    "bridge.sync.outbox.maxAttempts=2",
    "bridge.sync.outbox.jitter=0",
    "bridge.sync.recoverInFlightOnStart=false",
    "bridge.sync.workerIdleMax=100ms"})
class SyncIntegrationTests extends SpringDatabaseTestBase {

  @TestConfiguration
  static class Handlers {
    @Bean
    @Primary
    MutableClock testClock() {
      return MutableClock.at("2025-11-11T00:00:00Z");
    }

    @Bean
    MessageHandler createOrder(JdbcClient jdbc) {
      return SyncFixture.handler("it.order", m ->
          jdbc.sql("INSERT INTO it_effect (message_id, note) VALUES (?, 'order')").param(m.id().toString()).update());
    }

    @Bean
    MessageHandler rejectOrder() {
      return SyncFixture.handler("it.reject", m -> {
        throw new DeliveryException("IT-001", false, "rejected by the ERP", null);
      });
    }

    @Bean
    BlockedMessageListener blockedMessageListener(JdbcClient jdbc) {
      return new BlockedMessageListener(jdbc);
    }
  }

  /** Writes a row per blocked message, as a flow raising an exception for operators would. */
  static class BlockedMessageListener {
    private final JdbcClient jdbc;

    BlockedMessageListener(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @EventListener
    void on(MessageBlocked event) {
      String note = "blocked " + event.reasonCode() + " in transaction " + TransactionSynchronizationManager.isActualTransactionActive();
      jdbc.sql("INSERT INTO it_effect (message_id, note) VALUES (?, ?)").params(event.messageId().toString(), note).update();
    }
  }

  @Autowired Outbox outbox;
  @Autowired Inbox inbox;
  @Autowired Checkpoints checkpoints;
  @Autowired OutboxAdmin admin;
  @Autowired Dispatcher dispatcher;
  @Autowired OutboxDispatcher outboxDispatcher;
  @Autowired DispatcherWorker worker;
  @Autowired SyncProperties properties;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void cleanTables() {
    jdbc.sql("CREATE TABLE IF NOT EXISTS it_effect (message_id varchar(36) PRIMARY KEY, note varchar(200))").update();
    jdbc.sql("DELETE FROM it_effect").update();
    jdbc.sql("DELETE FROM sync_outbox").update();
  }

  private UUID enqueue(String type, String key) {
    return tx.execute(s -> outbox.enqueue("trade", "1:" + key, type, "{}", key));
  }

  private String effect(UUID id) {
    return jdbc.sql("SELECT note FROM it_effect WHERE message_id = ?").param(id.toString()).query(String.class).single();
  }

  @Test
  void bindsTheConfiguredProperties() {
    assertThat(properties.outbox().maxAttempts()).isEqualTo(2);
    assertThat(properties.outbox().jitter()).isZero();
    assertThat(properties.outbox().batchSize()).isEqualTo(100);
    assertThat(dispatcher).isSameAs(outboxDispatcher);
  }

  @Test
  void deliversThroughTheHandlerBeanAndCommitsItsRows() {
    UUID id = enqueue("it.order", "k1");

    assertThat(dispatcher.flush(10).delivered()).isEqualTo(1);

    assertThat(effect(id)).isEqualTo("order");
    assertThat(admin.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.DONE);
  }

  @Test
  void publishesMessageBlockedToListenersInsideTheBlockingTransaction() {
    UUID id = enqueue("it.reject", "k1");

    assertThat(dispatcher.flush(10).blocked()).isEqualTo(1);

    assertThat(effect(id)).isEqualTo("blocked IT-001 in transaction true");
    assertThat(admin.counts()).isEqualTo(Map.of(OutboxStatus.BLOCKED, 1L));
  }

  @Test
  void theWorkerDeliversOnceStartedAndStopsOnRequest() {
    assertThat(worker.isRunning()).isFalse();
    worker.start();
    try {
      UUID id = enqueue("it.order", "k1");
      await().atMost(Duration.ofSeconds(10)).until(() -> admin.find(id).orElseThrow().status() == OutboxStatus.DONE);
    } finally {
      worker.stop();
    }
    assertThat(worker.isRunning()).isFalse();
  }

  @Test
  void exposesInboxAndCheckpointsOnTheSameDatabase() {
    Instant modified = Instant.parse("2025-11-10T16:00:00Z");
    tx.executeWithoutResult(s -> {
      assertThat(inbox.offer("tmall", new ShopId(1), "100", modified, "{}")).isTrue();
      checkpoints.advance("tmall", "trades", new ShopId(1), modified);
    });

    assertThat(inbox.get("tmall", new ShopId(1), "100")).map(Inbox.Snapshot::modified).contains(modified);
    assertThat(checkpoints.get("tmall", "trades", new ShopId(1))).contains(modified);
  }
}
