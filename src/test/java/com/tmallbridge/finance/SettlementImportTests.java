package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.SettlementFeed;
import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.MutableClock;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The settlement import against a scripted feed on H2 and PostgreSQL: idempotent storage, a line
 * that turns paid, windows of at most a day from the cursor up to now minus the lag, the cursor
 * after a failure, and the repository's reads.
 */
@SpringBootTest(properties = {"bridge.finance.safety-lag=5m", "bridge.finance.window=1d"})
@CleanDatabase
class SettlementImportTests extends SpringDatabaseTestBase {
  private static final FakeSettlementFeed FEED = new FakeSettlementFeed();
  private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
  private static final MutableClock CLOCK = new MutableClock(NOW);

  @TestConfiguration
  static class Fakes {
    @Bean
    @Primary
    SettlementFeed fakeSettlementFeed() {
      return FEED;
    }

    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }
  }

  @Autowired FinanceManagement finance;
  @Autowired SettlementRepository repository;
  @Autowired ShopManagement shops;
  @Autowired JdbcClient jdbc;
  @Autowired SettlementImport importer;

  @Test
  void anImportInTheSecondTheLastOneEndedReadsThatSecondAgain() {
    Instant second = Instant.parse("2026-03-10T03:59:59Z");
    assertThat(importer.plan(second.plusMillis(100), second.plusMillis(900)))
        .containsExactly(new com.tmallbridge.core.TimeWindow(second, second));
    assertThat(importer.plan(second, second.plusSeconds(2))).containsExactly(new com.tmallbridge.core.TimeWindow(second, second.plusSeconds(2)));
    assertThat(importer.plan(second.plusSeconds(5), second)).isEmpty();
  }

  private Shop shop;

  @BeforeEach
  void setUp() {
    FEED.clear();
    CLOCK.set(NOW);
    shop = shops.add(new ShopRegistration("FN", "财务店", "http://127.0.0.1:9/router/rest", "key", "secret", "session", "md5",
        NOW.minus(Duration.ofDays(3))));
  }

  private SettlementEntry line(String bid, SettlementKind kind, String tid, long fen, Instant biz, Instant pay) {
    return new SettlementEntry(shop.id(), bid, kind == SettlementKind.COMMISSION ? 3 : 2, kind, tid, tid + "1", fen, pay != null, biz, pay);
  }

  private long rows() {
    return jdbc.sql("select count(*) from finance_settlement_line").query(Long.class).single();
  }

  @Test
  void importingTwiceStoresEachLineOnceAndRecordsTheAccounts() {
    Instant biz = NOW.minus(Duration.ofHours(30));
    FEED.put(line("1", SettlementKind.INCOME, "100", 9_900, biz, biz.plusSeconds(600)));
    FEED.put(line("2", SettlementKind.COMMISSION, "100", -495, biz, biz.plusSeconds(600)));
    FEED.put(line("3", SettlementKind.INCOME, "101", 5_000, biz.plusSeconds(60), null));

    SettlementImportResult first = finance.importSettlements(shop.id());
    assertThat(first.error()).isNull();
    assertThat(first.inserted()).isEqualTo(3);
    assertThat(first.received()).isEqualTo(5);
    assertThat(rows()).isEqualTo(3);
    String before = jdbc.sql("select bid || ':' || amount_fen || ':' || paid from finance_settlement_line order by bid")
        .query(String.class).list().toString();

    SettlementImportResult second = finance.importSettlements(shop.id(), NOW.minus(Duration.ofDays(3)), ImportProgress.NONE);
    assertThat(second.inserted()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(rows()).isEqualTo(3);
    assertThat(jdbc.sql("select bid || ':' || amount_fen || ':' || paid from finance_settlement_line order by bid")
        .query(String.class).list().toString()).isEqualTo(before);
    assertThat(repository.accounts(shop.id())).isEqualTo(FakeSettlementFeed.ACCOUNTS);
  }

  @Test
  void aLineThatTurnsPaidIsUpdatedByTheNextImportThroughItsPayTime() {
    Instant biz = NOW.minus(Duration.ofHours(10));
    FEED.put(line("7", SettlementKind.INCOME, "200", 1_000, biz, null));
    finance.importSettlements(shop.id());
    assertThat(repository.linesOfTrade(shop.id(), "200")).singleElement().satisfies(l -> assertThat(l.paid()).isFalse());
    Instant updatedBefore = jdbc.sql("select updated_at from finance_settlement_line where bid = '7'")
        .query(java.time.OffsetDateTime.class).single().toInstant();

    CLOCK.advance(Duration.ofHours(2));
    Instant paidAt = NOW.plus(Duration.ofMinutes(30));
    FEED.put(line("7", SettlementKind.INCOME, "200", 1_000, biz, paidAt));
    SettlementImportResult result = finance.importSettlements(shop.id());

    assertThat(result.updated()).isEqualTo(1);
    assertThat(result.inserted()).isZero();
    SettlementEntry stored = repository.linesOfTrade(shop.id(), "200").get(0);
    assertThat(stored.paid()).isTrue();
    assertThat(stored.payTime()).isEqualTo(paidAt);
    assertThat(stored.bizTime()).isEqualTo(biz);
    assertThat(jdbc.sql("select updated_at from finance_settlement_line where bid = '7'")
        .query(java.time.OffsetDateTime.class).single().toInstant()).isAfter(updatedBefore);
  }

  @Test
  void readsDayWindowsFromTheCursorUpToNowMinusTheLagAndResumesAfterAFailure() {
    finance.importSettlements(shop.id());
    assertThat(FEED.windows).allSatisfy(w -> assertThat(w.length()).isLessThanOrEqualTo(Duration.ofDays(1)));
    assertThat(FEED.windows.get(0).start()).isEqualTo(NOW.minus(Duration.ofDays(3)));
    assertThat(FEED.windows.get(FEED.windows.size() - 1).end()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
    assertThat(FEED.windows).hasSize(6); // 3 windows (3 days less 5 minutes), each by biz_time and pay_time
    assertThat(repository.cursor(shop.id())).contains(NOW.minus(Duration.ofMinutes(5)));

    FEED.windows.clear();
    CLOCK.advance(Duration.ofDays(2));
    Instant afterFirst = NOW.minus(Duration.ofMinutes(5)).plus(Duration.ofDays(1));
    FEED.failFrom = afterFirst;
    SettlementImportResult failed = finance.importSettlements(shop.id());
    assertThat(failed.error()).contains("RETRYABLE").contains("gateway down");
    assertThat(failed.windows()).isEqualTo(1);
    assertThat(repository.cursor(shop.id())).contains(afterFirst);

    FEED.failFrom = null;
    FEED.windows.clear();
    SettlementImportResult resumed = finance.importSettlements(shop.id());
    assertThat(resumed.error()).isNull();
    assertThat(FEED.windows.get(0).start()).isEqualTo(afterFirst);
    assertThat(repository.cursor(shop.id())).contains(CLOCK.instant().minus(Duration.ofMinutes(5)));
  }

  @Test
  void anImportSinceALaterTimeLeavesTheCursorWhereItWas() {
    finance.importSettlements(shop.id());
    Instant cursor = repository.cursor(shop.id()).orElseThrow();
    CLOCK.advance(Duration.ofDays(3));
    finance.importSettlements(shop.id(), CLOCK.instant().minus(Duration.ofHours(1)), ImportProgress.NONE);
    assertThat(repository.cursor(shop.id())).contains(cursor);
  }

  @Test
  void readsLinesOfATradeOfADayAndTotalsByKind() {
    Instant biz = Instant.parse("2026-03-09T17:00:00Z"); // 2026-03-10 01:00 in GMT+8
    FEED.put(line("1", SettlementKind.INCOME, "300", 10_000, biz, biz.plusSeconds(60)));
    FEED.put(line("2", SettlementKind.COMMISSION, "300", -500, biz, biz.plusSeconds(60)));
    FEED.put(line("3", SettlementKind.INCOME, "301", 2_000, Instant.parse("2026-03-09T15:00:00Z"), null));
    finance.importSettlements(shop.id());

    assertThat(finance.linesOfTrade(shop.id(), "300")).extracting(SettlementEntry::billId).containsExactly("1", "2");
    assertThat(finance.lines(shop.id(), LocalDate.parse("2026-03-10"), null, 100)).extracting(SettlementEntry::billId)
        .containsExactly("1", "2");
    assertThat(finance.lines(null, LocalDate.parse("2026-03-09"), null, 100)).extracting(SettlementEntry::billId).containsExactly("3");
    assertThat(finance.totalsOfDay(shop.id(), LocalDate.parse("2026-03-10")))
        .isEqualTo(Map.of(SettlementKind.INCOME, 10_000L, SettlementKind.COMMISSION, -500L));
    assertThat(finance.lineCount(shop.id())).isEqualTo(3);
    SettlementEntry unpaid = finance.linesOfTrade(shop.id(), "301").get(0);
    assertThat(unpaid.payTime()).isNull();
    assertThat(unpaid.kind()).isEqualTo(SettlementKind.INCOME);
    assertThat(unpaid.tid()).isEqualTo("301");
    assertThat(unpaid.oid()).isEqualTo("3011");
  }

  @Test
  void windowsArePlannedContiguouslyInWholeSeconds() {
    assertThat(FEED.windows).isEmpty();
    finance.importSettlements(shop.id());
    for (int i = 2; i < FEED.windows.size(); i += 2) {
      TimeWindow previous = FEED.windows.get(i - 2);
      assertThat(FEED.windows.get(i).start()).isEqualTo(previous.end());
      assertThat(FEED.windows.get(i).start().getNano()).isZero();
    }
  }
}
