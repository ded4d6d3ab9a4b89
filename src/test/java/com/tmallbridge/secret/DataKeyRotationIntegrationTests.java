package com.tmallbridge.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.audit.AuditLog;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code keys rotate} then {@code keys reencrypt} on H2 and PostgreSQL: every sealed column ends on the new key, once. */
@SpringBootTest
class DataKeyRotationIntegrationTests extends SpringDatabaseTestBase {
  private static final Path KEY_FILE;

  static {
    try {
      KEY_FILE = Files.createTempDirectory("bridge-keys-").resolve("data-keys");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void keyFile(DynamicPropertyRegistry registry) {
    registry.add("bridge.security.data-keys-file", KEY_FILE::toString);
  }

  @Autowired DataKeyRotation rotation;
  @Autowired ShopManagement shops;
  @Autowired List<SealedColumns> tables;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired AuditLog audit;

  @Test
  void rotateThenReencryptMovesEverySealedValueToTheNewKeyAndIsAudited() {
    shops.add(new ShopRegistration("ROT1", "轮换店", "http://127.0.0.1:9/router/rest", "k", "rot-secret-1", "rot-session-1", "md5", null));
    shops.add(new ShopRegistration("ROT2", "旧店", "http://127.0.0.1:9/router/rest", "k", "x", "y", "md5", null));
    jdbc.sql("update shop set app_secret = 'legacy-secret-2' where code = 'ROT2'").update();
    assertThat(secret("ROT1")).startsWith("enc:1:k1:");
    // rows of the sync tables written in clear before they were sealed
    jdbc.sql("""
        insert into sync_inbox (source, shop_id, external_id, modified, payload, received_at)
        values ('rot', 1, 'T1', current_timestamp, '{"receiver_mobile":"13900001111"}', current_timestamp)""").update();
    jdbc.sql("""
        insert into sync_outbox (id, aggregate_type, aggregate_id, message_type, payload, idempotency_key, status, attempts,
                                 next_attempt_at, created_at, version, urgent)
        values ('00000000-0000-7000-8000-00000000e0e1', 'trade', 'rot', 'rot.test', '{"receiver_mobile":"13900001111"}', 'rot:1',
                'DONE', 1, current_timestamp, current_timestamp, 0, false)""").update();

    assertThat(rotation.rotate()).isEqualTo("k2");

    // the next start: the key file now has k1 and k2, k2 active
    DataKeys next = new DataKeys(new MockEnvironment(), KEY_FILE.toString());
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(next.ring());
    DataKeyRotation restarted = new DataKeyRotation(next, cipher, tables, jdbc, transaction, audit);
    List<DataKeyRotation.Progress> progress = new ArrayList<>();
    long rewritten = restarted.reencrypt(progress::add);

    assertThat(rewritten).as("both secrets of ROT1, both of ROT2 (one in clear)").isGreaterThanOrEqualTo(4);
    assertThat(secret("ROT1")).startsWith("enc:1:k2:");
    assertThat(cipher.open(secret("ROT1"), "shop.app_secret")).isEqualTo("rot-secret-1");
    assertThat(cipher.open(secret("ROT2"), "shop.app_secret")).isEqualTo("legacy-secret-2");
    assertThat(secret("ROT2")).startsWith("enc:1:k2:");
    assertThat(progress).extracting(DataKeyRotation.Progress::column).contains("shop.app_secret", "shop.session_key");
    String inbox = jdbc.sql("select payload from sync_inbox where source = 'rot'").query(String.class).single();
    assertThat(inbox).startsWith("enc:1:k2:");
    assertThat(cipher.open(inbox, "sync_inbox.payload")).contains("13900001111");
    assertThat(jdbc.sql("select payload_digest from sync_inbox where source = 'rot'").query(String.class).single())
        .as("the digest is written with the seal").isEqualTo(cipher.digest("{\"receiver_mobile\":\"13900001111\"}", "sync_inbox.payload"));
    String outbox = jdbc.sql("select payload from sync_outbox where idempotency_key = 'rot:1'").query(String.class).single();
    assertThat(cipher.open(outbox, "sync_outbox.payload")).contains("13900001111");
    assertThat(progress).extracting(DataKeyRotation.Progress::column).contains("sync_inbox.payload", "sync_outbox.payload");
    assertThat(restarted.reencrypt(p -> { })).as("idempotent").isZero();
    assertThat(jdbc.sql("select target from audit_entry where action = 'KEY_CHANGE' order by seq").query(String.class).list())
        .containsSubsequence("data-keys:rotate", "data-keys:reencrypt", "data-keys:reencrypt");
  }

  private String secret(String code) {
    return jdbc.sql("select app_secret from shop where code = ?").param(code).query(String.class).single();
  }
}
