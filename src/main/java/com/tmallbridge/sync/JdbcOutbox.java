package com.tmallbridge.sync;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.tmallbridge.secret.FieldCipher;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Outbox} on table {@code sync_outbox}. One INSERT per new message ({@link #enqueueAll}: one
 * JDBC batch of them, executed in list order, so {@code seq} follows the list); a repeated
 * idempotency key costs one more SELECT. The payload is sealed ({@link FieldCipher}, context
 * {@value #PAYLOAD}); {@link OutboxRepository} opens it for the handler. Refuses to run outside a transaction, because a message committed
 * without its business rows (or the other way round) is exactly what the outbox exists to prevent.
 */
final class JdbcOutbox implements Outbox {
  /** The context payloads are sealed with: they carry the buyer's receiver to the ERP. */
  static final String PAYLOAD = "sync_outbox.payload";

  private static final String INSERT = """
      INSERT INTO sync_outbox (id, aggregate_type, aggregate_id, message_type, payload, idempotency_key,
                               status, attempts, next_attempt_at, created_at, version, urgent)
      VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, 0, ?)
      ON CONFLICT DO NOTHING""";
  /**
   * Message ids are time-ordered UUIDs (version 7: milliseconds since the epoch first, from the
   * system clock — the id orders storage, it means nothing to the business), so each insert lands at
   * the end of the unique index on {@code id} instead of a random leaf: random version-4 ids made
   * every insert rewrite another index page, which on H2 (a copy-on-write store) is garbage in the
   * file, and on PostgreSQL a full-page write after each checkpoint.
   */
  private static final TimeBasedEpochGenerator MESSAGE_IDS = Generators.timeBasedEpochGenerator();
  private static final String SELECT_BY_KEY = "SELECT id FROM sync_outbox WHERE idempotency_key = ?";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Predicate<String> urgentType;
  private final Clock clock;
  private final FieldCipher cipher;

  /**
   * @param urgentType whether messages of a type are urgent ({@link MessageHandler#urgent()})
   */
  JdbcOutbox(JdbcTemplate template, Clock clock, Predicate<String> urgentType, FieldCipher cipher) {
    this.cipher = cipher;
    this.template = template;
    this.jdbc = JdbcClient.create(template);
    this.clock = clock;
    this.urgentType = urgentType;
  }

  @Override
  public UUID enqueue(String aggregateType, String aggregateId, String messageType, String payload, String idempotencyKey) {
    return enqueueAll(List.of(new NewMessage(aggregateType, aggregateId, messageType, payload, idempotencyKey))).get(0);
  }

  /**
   * One batch of INSERTs in list order. A row the database skipped (its key exists, from before or
   * from earlier in the list) or whose count the driver does not report is looked up by key.
   */
  @Override
  public List<UUID> enqueueAll(List<NewMessage> messages) {
    requireTransaction();
    if (messages.isEmpty()) {
      return List.of();
    }
    messages.forEach(m -> validate(m.aggregateType(), m.aggregateId(), m.messageType(), m.idempotencyKey()));
    OffsetDateTime now = Timestamps.toDb(clock.instant());
    List<UUID> ids = new ArrayList<>(messages.size());
    List<Object[]> rows = new ArrayList<>(messages.size());
    for (NewMessage m : messages) {
      UUID id = MESSAGE_IDS.generate();
      ids.add(id);
      rows.add(new Object[] {id.toString(), m.aggregateType(), m.aggregateId(), m.messageType(), cipher.seal(m.payload(), PAYLOAD), m.idempotencyKey(), now, now,
          urgentType.test(m.messageType())});
    }
    int[] inserted = template.batchUpdate(INSERT, rows);
    for (int i = 0; i < ids.size(); i++) {
      if (inserted[i] != 1) {
        ids.set(i, existing(messages.get(i).idempotencyKey()));
      }
    }
    return ids;
  }

  private static void validate(String aggregateType, String aggregateId, String messageType, String idempotencyKey) {
    Texts.require("aggregateType", aggregateType, 64);
    Texts.require("aggregateId", aggregateId, 200);
    Texts.require("messageType", messageType, 100);
    Texts.require("idempotencyKey", idempotencyKey, 255);
  }

  private UUID existing(String idempotencyKey) {
    return jdbc.sql(SELECT_BY_KEY)
        .param(idempotencyKey)
        .query(String.class)
        .optional()
        .map(UUID::fromString)
        .orElseThrow(() -> new IllegalStateException("outbox insert of key " + idempotencyKey + " was skipped, yet no message has that key"));
  }

  private static void requireTransaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Outbox.enqueue must run inside the transaction that writes the business rows");
    }
  }
}
