package com.tmallbridge.sync;

import com.tmallbridge.secret.FieldCipher;
import com.tmallbridge.testsupport.MutableClock;

import com.tmallbridge.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A migrated database of its own (H2 or PostgreSQL, see {@link TestDatabase}) with the sync
 * engine's parts wired by hand, a mutable clock and a table {@code test_effect} handlers and
 * listeners write to. Close it after the test.
 */
final class SyncFixture implements AutoCloseable {
  final MutableClock clock = MutableClock.at("2025-11-11T00:00:00Z");
  final List<Object> events = new CopyOnWriteArrayList<>();
  final TestDatabase database;
  final HikariDataSource dataSource;
  final JdbcTemplate jdbcTemplate;
  final JdbcClient jdbc;
  final DataSourceTransactionManager transactionManager;
  final TransactionTemplate tx;
  /** Seals the inbox snapshots and outbox payloads, as in the application. */
  final FieldCipher cipher = FieldCipher.ephemeral();
  private ApplicationEventPublisher listener = event -> {};

  private SyncFixture(TestDatabase database, HikariDataSource dataSource) {
    this.database = database;
    this.dataSource = dataSource;
    this.jdbcTemplate = new JdbcTemplate(dataSource);
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.transactionManager = new DataSourceTransactionManager(dataSource);
    this.tx = new TransactionTemplate(transactionManager);
  }

  static SyncFixture create() {
    TestDatabase db = TestDatabase.createMigrated();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.username());
    config.setPassword(db.password());
    config.setMaximumPoolSize(6);
    config.setMinimumIdle(0);
    HikariDataSource dataSource = new HikariDataSource(config);
    SyncFixture fixture = new SyncFixture(db, dataSource);
    fixture.jdbc.sql("CREATE TABLE test_effect (message_id varchar(36) PRIMARY KEY, note varchar(200))").update();
    return fixture;
  }

  static SyncProperties properties(int maxAttempts, int batchSize, boolean recoverOnStart) {
    SyncProperties.Outbox outbox =
        new SyncProperties.Outbox(maxAttempts, Duration.ofSeconds(1), Duration.ofMinutes(5), 0, batchSize, Duration.ofMinutes(2), 20,
            Duration.ofDays(7), Duration.ofMinutes(10), 8);
    return new SyncProperties(outbox, 2, Duration.ofMillis(10), Duration.ofMillis(100), 1, Duration.ofMillis(50), recoverOnStart);
  }

  /** A handler of {@code messageType} that runs {@code body}. */
  static MessageHandler handler(String messageType, Consumer<OutboxMessage> body) {
    return new MessageHandler() {
      @Override
      public String messageType() {
        return messageType;
      }

      @Override
      public void handle(OutboxMessage message) {
        body.accept(message);
      }
    };
  }

  Outbox outbox() {
    return new JdbcOutbox(jdbcTemplate, clock, type -> type.startsWith("urgent."), cipher);
  }

  Inbox inbox() {
    return new JdbcInbox(jdbcTemplate, clock, cipher);
  }

  Checkpoints checkpoints() {
    return new JdbcCheckpoints(jdbc, clock);
  }

  OutboxAdmin admin() {
    return new JdbcOutboxAdmin(jdbc, clock);
  }

  /** A dispatcher that records published events in {@link #events}, then passes them to the listener. */
  OutboxDispatcher dispatcher(SyncProperties properties, MessageHandler... handlers) {
    ApplicationEventPublisher publisher = event -> {
      events.add(event);
      listener.publishEvent(event);
    };
    return SyncConfiguration.dispatcher(jdbcTemplate, transactionManager, List.of(handlers), publisher, properties, clock, cipher);
  }

  OutboxDispatcher dispatcher(MessageHandler... handlers) {
    return dispatcher(properties(3, 100, false), handlers);
  }

  /** Runs inside the dispatcher's event publication, i.e. inside the blocking transaction. */
  void onEvent(ApplicationEventPublisher listener) {
    this.listener = listener;
  }

  UUID enqueue(String aggregateId, String messageType, String key) {
    return tx.execute(s -> outbox().enqueue("trade", aggregateId, messageType, "{\"key\":\"" + key + "\"}", key));
  }

  /** Writes one row of {@code test_effect}; a second write for the same message fails. */
  void recordEffect(OutboxMessage message, String note) {
    jdbc.sql("INSERT INTO test_effect (message_id, note) VALUES (?, ?)").params(message.id().toString(), note).update();
  }

  int effects() {
    return jdbc.sql("SELECT COUNT(*) FROM test_effect").query(Integer.class).single();
  }

  OutboxEntry entry(UUID id) {
    return admin().find(id).orElseThrow();
  }

  /** Closes the pool and drops the database. */
  @Override
  public void close() {
    dataSource.close();
    database.drop();
  }
}
