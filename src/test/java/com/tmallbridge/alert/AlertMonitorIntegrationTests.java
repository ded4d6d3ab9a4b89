package com.tmallbridge.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.store.BackupRun;
import com.tmallbridge.store.BackupRuns;
import com.tmallbridge.sync.Checkpoints;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.MutableClock;
import com.tmallbridge.testsupport.WebhookReceiver;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert monitor on the real conditions and a local DingTalk webhook: each condition raises its
 * alert once, repeats it only after the cooldown, resolves it when it clears; a failing condition
 * leaves its alerts alone; a failing webhook is retried with backoff without holding up the pass.
 */
@SpringBootTest(properties = {"bridge.alerts.cooldown=PT1H", "bridge.alerts.open-exceptions-threshold=2",
    "bridge.alerts.sync-lag-threshold=PT30M", "bridge.alerts.oversell-window=PT24H", "bridge.alerts.retry.max-attempts=3",
    "bridge.alerts.retry.initial-backoff=PT0.05S", "bridge.alerts.dingtalk.secret=SECabc"})
@CleanDatabase
class AlertMonitorIntegrationTests extends SpringDatabaseTestBase {
  private static final Instant START = Instant.parse("2026-12-05T02:00:00Z");
  static final MutableClock CLOCK = new MutableClock(START);
  static final AtomicReference<List<Finding>> EXTRA = new AtomicReference<>(List.of());
  private static final WebhookReceiver RECEIVER = receiver();
  private final JsonMapper json = JsonMapper.builder().build();

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }

    /** A condition of another module, as reconciliation differences will be: reports what the test says, or fails. */
    @Bean
    AlertCondition plugInCondition() {
      return new AlertCondition() {
        @Override
        public AlertKind kind() {
          return AlertKind.RECONCILIATION_DIFFERENCE;
        }

        @Override
        public List<Finding> findings(Instant now) {
          List<Finding> findings = EXTRA.get();
          if (findings == null) {
            throw new IllegalStateException("cannot read the reconciliation");
          }
          return findings;
        }
      };
    }
  }

  @DynamicPropertySource
  static void webhook(DynamicPropertyRegistry registry) {
    registry.add("bridge.alerts.dingtalk.webhook", () -> RECEIVER.url("/robot/send", "access_token=t"));
  }

  @Autowired AlertManagement alerts;
  @Autowired ShopManagement shops;
  @Autowired Checkpoints checkpoints;
  @Autowired BackupRuns backups;
  @Autowired JdbcClient jdbc;

  private int seen;

  @BeforeEach
  void reset() {
    // the previous test's messages (a RESOLVED, retries) are still being sent on the notifier's thread
    await().atMost(Duration.ofSeconds(10)).until(() -> !alerts.deliveriesPending());
    CLOCK.set(START);
    EXTRA.set(List.of());
    seen = RECEIVER.requests().size();
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void syncLagIsRaisedOnceRepeatedAfterTheCooldownAndResolved() {
    Shop shop = shop("TM01");
    checkpoints.advance("tmall", "trades", shop.id(), START.minus(Duration.ofMinutes(10)));
    assertThat(alerts.evaluate().raised()).isZero();

    CLOCK.advance(Duration.ofMinutes(40));
    assertThat(alerts.evaluate()).isEqualTo(new AlertPass(1, 0, 0, List.of()));
    assertThat(messages(1)).singleElement().asString().contains("RAISED SYNC_LAG TM01 tmall/trades", "50 min behind (threshold 30 min)");

    CLOCK.advance(Duration.ofMinutes(59));
    assertThat(alerts.evaluate()).isEqualTo(new AlertPass(0, 0, 0, List.of()));
    assertThat(alerts.open(null)).singleElement().satisfies(a -> {
      assertThat(a.sentCount()).isEqualTo(1);
      assertThat(a.message()).contains("109 min behind");
    });

    CLOCK.advance(Duration.ofMinutes(1));
    assertThat(alerts.evaluate()).isEqualTo(new AlertPass(0, 1, 0, List.of()));
    assertThat(messages(2)).last().asString().contains("REPEATED SYNC_LAG TM01 tmall/trades", "110 min behind");

    checkpoints.advance("tmall", "trades", shop.id(), CLOCK.instant());
    assertThat(alerts.evaluate()).isEqualTo(new AlertPass(0, 0, 1, List.of()));
    assertThat(messages(3)).last().asString().contains("RESOLVED SYNC_LAG TM01 tmall/trades", "cleared");
    assertThat(alerts.open(null)).isEmpty();
    assertThat(alerts.evaluate()).isEqualTo(new AlertPass(0, 0, 0, List.of()));
  }

  @Test
  void eachBuiltInConditionRaisesItsAlertForItsShop() {
    Shop reauth = shop("TM01");
    Shop busy = shop("TM02");
    shops.markNeedsReauthorisation(reauth.id(), "TOP error 27: Invalid session");
    for (int i = 1; i <= 3; i++) {
      exception(busy.id(), "T" + i, i == 3 ? "ERP_REJECTED" : "UNMAPPED_SKU");
    }
    oversell(busy.id(), "T9", START.minus(Duration.ofHours(2)));
    backups.record(new BackupRun(START.minusSeconds(60), START.minusSeconds(30), false, "/backups/b1", "IOException: disk full"));

    alerts.evaluate();

    assertThat(alerts.open(null)).extracting(a -> a.kind() + " " + a.subject()).containsExactlyInAnyOrder(
        "SHOP_REAUTHORISATION TM01", "OPEN_EXCEPTIONS TM02", "OVERSELL TM02", "BACKUP_FAILED backup");
    assertThat(messages(4)).anySatisfy(m -> assertThat(m).contains("TOP error 27: Invalid session", "bridge shop add TM01"))
        .anySatisfy(m -> assertThat(m).contains("3 open exceptions (threshold 2): UNMAPPED_SKU 2, ERP_REJECTED 1"))
        .anySatisfy(m -> assertThat(m).contains("1 oversold trade(s) in the last 24 h; latest T9"))
        .anySatisfy(m -> assertThat(m).contains("/backups/b1", "disk full"));
    assertThat(alerts.open(List.of(busy.id()))).extracting(OpenAlert::kind).containsExactlyInAnyOrder(AlertKind.OPEN_EXCEPTIONS,
        AlertKind.OVERSELL);

    backups.record(new BackupRun(START, START.plusSeconds(20), true, "/backups/b2", null));
    CLOCK.advance(Duration.ofHours(23));
    assertThat(alerts.evaluate().resolved()).as("the backup succeeded, the oversell is 25 h old").isEqualTo(2);
    assertThat(alerts.open(null)).extracting(OpenAlert::kind).containsExactlyInAnyOrder(AlertKind.SHOP_REAUTHORISATION,
        AlertKind.OPEN_EXCEPTIONS);
  }

  @Test
  void aConditionThatCannotBeReadLeavesItsAlertsOpen() {
    EXTRA.set(List.of(new Finding(AlertKind.RECONCILIATION_DIFFERENCE, "2026-12-04", null, "3 differences")));
    alerts.evaluate();
    EXTRA.set(null);

    assertThat(alerts.evaluate()).isEqualTo(new AlertPass(0, 0, 0, List.of(AlertKind.RECONCILIATION_DIFFERENCE)));
    assertThat(alerts.open(null)).extracting(OpenAlert::subject).containsExactly("2026-12-04");

    EXTRA.set(List.of());
    assertThat(alerts.evaluate().resolved()).isEqualTo(1);
  }

  @Test
  void aFailingWebhookIsRetriedWithBackoffAndDoesNotHoldUpThePass() {
    RECEIVER.answerNext(503, "busy");
    RECEIVER.answerNext(200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
    EXTRA.set(List.of(new Finding(AlertKind.RECONCILIATION_DIFFERENCE, "2026-12-04", null, "3 differences")));

    assertThat(alerts.evaluate().raised()).isEqualTo(1);

    assertThat(messages(3)).as("two failures, then delivered on the third attempt")
        .allSatisfy(m -> assertThat(m).contains("RAISED RECONCILIATION_DIFFERENCE 2026-12-04"));
  }

  /** Waits for the webhook to have received {@code count} messages since the test began; returns them as title + text. */
  private List<String> messages(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVER.requests().size() - seen >= count);
    return RECEIVER.requests().subList(seen, RECEIVER.requests().size()).stream().map(r -> {
      var body = json.readTree(r.body()).path("markdown");
      return body.path("title").asString() + "\n" + body.path("text").asString();
    }).toList();
  }

  private Shop shop(String code) {
    return shops.add(new ShopRegistration(code, "店铺 " + code, "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5",
        START.minus(Duration.ofDays(7))));
  }

  private void exception(ShopId shop, String tid, String reason) {
    jdbc.sql("""
        insert into order_exception (shop_id, tid, reason_code, message, status, retries, created_at, updated_at)
        values (:shop, :tid, :reason, 'held', 'OPEN', 0, :at, :at)""")
        .param("shop", shop.value()).param("tid", tid).param("reason", reason).param("at", START.atOffset(ZoneOffset.UTC)).update();
  }

  private void oversell(ShopId shop, String tid, Instant at) {
    jdbc.sql("""
        insert into stock_oversell (shop_id, tid, material, num_iid, sku_id, ordered, sellable, shortfall, created_at)
        values (:shop, :tid, 'MAT-1', '5551', '7771', 3, 1, 2, :at)""")
        .param("shop", shop.value()).param("tid", tid).param("at", at.atOffset(ZoneOffset.UTC)).update();
  }

  private static WebhookReceiver receiver() {
    try {
      return new WebhookReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
