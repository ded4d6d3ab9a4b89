package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.secret.FieldCipher;
import com.tmallbridge.testsupport.DatabaseTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox snapshots and outbox payloads at rest: sealed in the table, clear to the callers; the
 * inbox's duplicate check on the keyed digest, across a key rotation and for rows stored in clear
 * before sealing; the inbox retention purge. On H2 and PostgreSQL.
 */
@DatabaseTest
class SealedPayloadsTests {
  private static final ShopId SHOP = new ShopId(1);
  private static final Instant T1 = Instant.parse("2025-11-10T16:00:01Z");
  private static final String TRADE = "{\"tid\":100,\"receiver_mobile\":\"13912345678\",\"receiver_name\":\"张三\"}";

  private final SyncFixture db = SyncFixture.create();

  @AfterEach
  void close() {
    db.close();
  }

  private static String key(String id) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return id + ":" + Base64.getEncoder().encodeToString(bytes);
  }

  private String column(String table, String column, String where) {
    return db.jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + where).query(String.class).single();
  }

  @Test
  void theInboxStoresTheSnapshotSealedWithADigestAndReturnsItClear() {
    Inbox inbox = db.inbox();
    assertThat((boolean) db.tx.execute(s -> inbox.offer("tmall", SHOP, "100", T1, TRADE))).isTrue();

    String stored = column("sync_inbox", "payload", "external_id = '100'");
    assertThat(stored).startsWith("enc:1:").doesNotContain("13912345678").doesNotContain("张三");
    assertThat(column("sync_inbox", "payload_digest", "external_id = '100'"))
        .startsWith("h1:").isEqualTo(db.cipher.digest(TRADE, JdbcInbox.PAYLOAD));
    assertThat(inbox.get("tmall", SHOP, "100").orElseThrow().payload()).isEqualTo(TRADE);
    assertThat(inbox.offer("tmall", SHOP, "100", T1, TRADE)).as("identical replay, though each seal differs").isFalse();
    assertThat(column("sync_inbox", "payload", "external_id = '100'")).as("untouched by the replay").isEqualTo(stored);
    assertThat(inbox.offer("tmall", SHOP, "100", T1, TRADE.replace("张三", "李四"))).as("same second, other content").isTrue();
    assertThat(inbox.get("tmall", SHOP, "100").orElseThrow().payload()).contains("李四");
  }

  @Test
  void aDigestWrittenUnderAnOlderKeyStillRecognisesAReplay() {
    String k1 = key("k1");
    JdbcInbox before = new JdbcInbox(db.jdbcTemplate, db.clock, FieldCipher.of(k1));
    before.offer("tmall", SHOP, "100", T1, TRADE);
    JdbcInbox after = new JdbcInbox(db.jdbcTemplate, db.clock, FieldCipher.of(k1 + "," + key("k2")));

    assertThat(after.offer("tmall", SHOP, "100", T1, TRADE)).as("replay after the rotation").isFalse();
    assertThat(after.get("tmall", SHOP, "100").orElseThrow().payload()).as("k1 still opens").isEqualTo(TRADE);
    assertThat(after.offer("tmall", SHOP, "100", T1, TRADE + " ")).isTrue();
    assertThat(column("sync_inbox", "payload", "external_id = '100'")).startsWith("enc:1:k2:");
    assertThat(column("sync_inbox", "payload_digest", "external_id = '100'")).startsWith("h1:k2:");
    assertThat(after.offer("tmall", SHOP, "100", T1, TRADE + " ")).isFalse();
  }

  @Test
  void aSnapshotStoredInClearBeforeSealingIsComparedAndReadAsItIs() {
    db.jdbc.sql("""
        INSERT INTO sync_inbox (source, shop_id, external_id, modified, payload, received_at)
        VALUES ('tmall', 1, '100', ?, ?, ?)""").params(Timestamps.toDb(T1), TRADE, Timestamps.toDb(db.clock.instant())).update();
    Inbox inbox = db.inbox();

    assertThat(inbox.get("tmall", SHOP, "100").orElseThrow().payload()).isEqualTo(TRADE);
    assertThat(inbox.offer("tmall", SHOP, "100", T1, TRADE)).as("identical to the clear row").isFalse();
    assertThat(inbox.offer("tmall", SHOP, "100", T1, TRADE.replace("张三", "王五"))).isTrue();
    assertThat(column("sync_inbox", "payload", "external_id = '100'")).startsWith("enc:1:");
    assertThat(inbox.offer("tmall", SHOP, "100", T1, TRADE.replace("张三", "王五"))).isFalse();
  }

  @Test
  void theOutboxStoresThePayloadSealedAndTheHandlerGetsItClear() {
    List<String> handled = new ArrayList<>();
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.handler("erp.order", m -> handled.add(m.payload())));
    UUID id = db.tx.execute(s -> db.outbox().enqueue("trade", "1:100", "erp.order", TRADE, "order:1:100"));

    assertThat(column("sync_outbox", "payload", "id = '" + id + "'")).startsWith("enc:1:").doesNotContain("13912345678");
    dispatcher.flush(10);
    assertThat(handled).containsExactly(TRADE);
  }

  @Test
  void anOutboxPayloadStoredInClearIsDeliveredAsItIs() {
    List<String> handled = new ArrayList<>();
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.handler("erp.order", m -> handled.add(m.payload())));
    UUID id = db.tx.execute(s -> db.outbox().enqueue("trade", "1:100", "erp.order", TRADE, "order:1:100"));
    db.jdbc.sql("UPDATE sync_outbox SET payload = ? WHERE id = ?").params(TRADE, id.toString()).update();

    dispatcher.flush(10);
    assertThat(handled).containsExactly(TRADE);
  }

  @Test
  void theInboxPurgeDeletesSnapshotsPastTheRetentionPageByPage() {
    Inbox inbox = db.inbox();
    int old = InboxPurge.PAGE + 20;
    List<Inbox.Offered> first = new ArrayList<>();
    for (int i = 0; i < old; i++) {
      first.add(new Inbox.Offered("old-" + i, T1, "{}"));
    }
    db.tx.execute(s -> inbox.offerAll("tmall", SHOP, first));
    db.clock.advance(Duration.ofDays(20));
    db.tx.execute(s -> inbox.offer("tmall", SHOP, "recent", T1, "{}"));
    db.tx.execute(s -> inbox.offer("tmall", SHOP, "old-0", T1.plusSeconds(5), "{\"v\":2}")); // stored again: young
    db.clock.advance(Duration.ofDays(11));

    assertThat(new InboxPurge(db.jdbc, db.tx, Duration.ZERO, db.clock).purge()).as("zero keeps everything").isZero();
    long deleted = new InboxPurge(db.jdbc, db.tx, Duration.ofDays(30), db.clock).purge();

    assertThat(deleted).isEqualTo(old - 1);
    assertThat(inbox.get("tmall", SHOP, "old-0")).isPresent();
    assertThat(inbox.get("tmall", SHOP, "recent")).isPresent();
    assertThat(inbox.get("tmall", SHOP, "old-1")).isEmpty();
    assertThat(new InboxPurge(db.jdbc, db.tx, Duration.ofDays(30), db.clock).purge(Duration.ofDays(10))).isEqualTo(2);
  }
}
