package com.tmallbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log on H2 and PostgreSQL: the chain, what verify finds, concurrent appends, and the changes that record entries. */
@SpringBootTest
class AuditLogIntegrationTests extends SpringDatabaseTestBase {
  private static final Actor ALICE = new Actor("alice", "10.0.0.7");

  @Autowired AuditLog audit;
  @Autowired AuditManagement management;
  @Autowired ActorContext actors;
  @Autowired JdbcClient jdbc;
  @Autowired ShopManagement shops;
  @Autowired ProductManagement products;

  @BeforeEach
  void emptyLog() {
    jdbc.sql("delete from audit_entry").update();
    jdbc.sql("update audit_head set last_seq = 0, last_hash = :genesis where id = 1").param("genesis", EntryHash.GENESIS).update();
  }

  private void recordThree() {
    audit.record(ALICE, AuditEvent.change(AuditAction.MAPPING_CHANGE, "mapping:TM01/1/2", null, "A-1"));
    audit.record(ALICE, AuditEvent.change(AuditAction.MAPPING_CHANGE, "mapping:TM01/1/2", "A-1", "A-2"));
    audit.record(ALICE, AuditEvent.change(AuditAction.MAPPING_CHANGE, "mapping:TM01/1/2", "A-2", null));
  }

  @Test
  void entriesAreNumberedAndChainedAndAnUntouchedLogVerifies() {
    recordThree();

    List<AuditEntry> entries = management.entries(null, null, null, null, null, 10);
    assertThat(entries).extracting(AuditEntry::seq).containsExactly(3L, 2L, 1L);
    assertThat(entries.get(2).prevHash()).isEqualTo(EntryHash.GENESIS);
    assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(2).hash());
    assertThat(entries.get(0).prevHash()).isEqualTo(entries.get(1).hash());
    ChainCheck check = management.verify(n -> { });
    assertThat(check.intact()).isTrue();
    assertThat(check.entries()).isEqualTo(3);
    assertThat(check.headHash()).isEqualTo(entries.get(0).hash());
  }

  @Test
  void anEditedEntryIsFoundWhereItWasEdited() {
    recordThree();
    jdbc.sql("update audit_entry set after_text = 'B-9' where seq = 2").update();

    ChainCheck check = management.verify(n -> { });

    assertThat(check.intact()).isFalse();
    assertThat(check.brokenAt()).isEqualTo(2L);
    assertThat(check.problem()).contains("changed after it was written");
  }

  @Test
  void aRemovedEntryAndARemovedTailAreFound() {
    recordThree();
    jdbc.sql("delete from audit_entry where seq = 2").update();
    assertThat(management.verify(n -> { })).satisfies(c -> {
      assertThat(c.brokenAt()).isEqualTo(2L);
      assertThat(c.problem()).contains("entry 2 is missing");
    });

    emptyLog();
    recordThree();
    jdbc.sql("delete from audit_entry where seq = 3").update();
    assertThat(management.verify(n -> { })).satisfies(c -> {
      assertThat(c.brokenAt()).isEqualTo(3L);
      assertThat(c.problem()).contains("entries 3 to 3 are missing");
    });
  }

  @Test
  void anEntryRehashedAfterAnEditStillBreaksTheLinkOfTheNextOne() {
    recordThree();
    AuditEntry second = management.entries(null, null, null, null, null, 10).get(1);
    String forged = EntryHash.of(second.seq(), second.at(), second.actor(), second.source(), second.action(), second.target(),
        second.outcome(), second.before(), "B-9", second.prevHash());
    jdbc.sql("update audit_entry set after_text = 'B-9', hash = :hash where seq = 2").param("hash", forged).update();

    ChainCheck check = management.verify(n -> { });

    assertThat(check.brokenAt()).isEqualTo(3L);
    assertThat(check.problem()).contains("does not name the hash of entry 2");
  }

  @Test
  void concurrentWritersMakeOneLinearChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int writer = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            audit.record(new Actor("writer" + writer, "test"), AuditEvent.change(AuditAction.RULE_CHANGE, "rule:" + i, null, "x"));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    ChainCheck check = management.verify(n -> { });
    assertThat(check.intact()).as(String.valueOf(check.problem())).isTrue();
    assertThat(check.entries()).isEqualTo(100);
  }

  @Test
  void theCurrentActorIsTheOneSetForTheThreadOtherwiseTheProcessUser() {
    AuditEntry asAlice = actors.as(ALICE, () -> audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, "rule:1", null, "on")));
    AuditEntry asProcess = audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, "rule:1", "on", "off"));

    assertThat(asAlice.actor()).isEqualTo("alice");
    assertThat(asAlice.source()).isEqualTo("10.0.0.7");
    assertThat(asProcess.actor()).isEqualTo(System.getProperty("user.name"));
    assertThat(asProcess.source()).startsWith("cli@");
  }

  @Test
  void addingAShopAndChangingAMappingAreRecordedWithoutSecretsInClear() {
    String code = "AU" + (System.nanoTime() % 100_000);
    Shop shop = shops.add(new ShopRegistration(code, "审计店", "http://127.0.0.1:9/router/rest", "key-1", "very-secret-1", "session-1",
        "md5", Instant.parse("2026-11-01T00:00:00Z")));
    shops.add(new ShopRegistration(code, "审计店", "http://127.0.0.1:9/router/rest", "key-1", "very-secret-2", "session-1", "md5",
        Instant.parse("2026-11-01T00:00:00Z")));
    products.putMapping(shop.id(), "5551", "7771", "AU-SKU-1");
    products.putMapping(shop.id(), "5551", "7771", "AU-SKU-2");
    products.removeMapping(new ShopId(shop.id().value()), "5551", "7771");

    List<AuditEntry> shopEntries = management.entries(AuditAction.SHOP_CHANGE, null, "shop:" + code, null, null, 10);
    assertThat(shopEntries).hasSize(2);
    assertThat(shopEntries.get(0).before()).contains("appSecret=****");
    assertThat(shopEntries.get(0).after()).contains("appSecret=**** (changed)").contains("sessionKey=**** (unchanged)");
    assertThat(shopEntries).allSatisfy(e -> assertThat(e.before() + " " + e.after()).doesNotContain("very-secret").doesNotContain("session-1"));
    assertThat(management.entries(AuditAction.MAPPING_CHANGE, null, "mapping:" + code + "/5551/7771", null, null, 10))
        .extracting(e -> e.before() + "→" + e.after())
        .containsExactly("AU-SKU-2→null", "AU-SKU-1→AU-SKU-2", "null→AU-SKU-1");
    assertThat(management.verify(n -> { }).intact()).isTrue();
  }
}
