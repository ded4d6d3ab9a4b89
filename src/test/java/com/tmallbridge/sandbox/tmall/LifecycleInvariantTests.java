package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleInvariantTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final ScheduledExecutorService UNUSED_SCHEDULER =
      Executors.newSingleThreadScheduledExecutor();

  @AfterAll
  static void stopScheduler() {
    UNUSED_SCHEDULER.shutdownNow();
  }

  private static List<TradeRecord> history(long seed, int n, Duration span) {
    SandboxConfig config =
        SandboxConfig.defaults()
            .withSeed(seed)
            .withClock(new MutableClock(NOW))
            .withMix(TradeMix.defaults().withTypeRates(0.05, 0.05));
    Shop shop = new ShopGenerator(seed, NOW).generate(0);
    ShopStock stock = new ShopStock(shop.items());
    TradeStore store = new TradeStore();
    new ScenarioGenerator(
            new TradeGenerator(stock, 0), stock, store, config, UNUSED_SCHEDULER, seed)
        .history(n, NOW.minus(span), NOW);
    return store.all();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
  void moneyAddsUpOnEveryTrade(long seed) {
    for (TradeRecord trade : history(seed, 400, Duration.ofDays(20))) {
      long orders = trade.lines().stream().mapToLong(OrderLine::paymentFen).sum();
      long divided = trade.lines().stream().mapToLong(OrderLine::divideOrderFeeFen).sum();
      assertThat(trade.paymentFen())
          .isEqualTo(orders + trade.charges().postFeeFen() - trade.charges().discountFeeFen());
      assertThat(divided).isEqualTo(trade.paymentFen() - trade.charges().postFeeFen());
      assertThat(trade.totalFeeFen())
          .isEqualTo(trade.lines().stream().mapToLong(l -> l.priceFen() * l.num()).sum());
      for (OrderLine line : trade.lines()) {
        assertThat(line.paymentFen())
            .isEqualTo(line.priceFen() * line.num() + line.adjustFeeFen() - line.discountFeeFen())
            .isPositive();
        assertThat(line.divideOrderFeeFen()).isBetween(0L, line.paymentFen());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 4, 9, 16, 25, 36, 49, 64})
  void timesFollowTheLifecycle(long seed) {
    for (TradeRecord trade : history(seed, 400, Duration.ofDays(15))) {
      TradeTimes times = trade.times();
      assertThat(times.modified()).isAfterOrEqualTo(times.created()).isBeforeOrEqualTo(NOW);
      assertThat(times.modified().getNano()).isZero();
      TradeStatus status = trade.status();
      assertThat(times.payTime() != null).as("pay time of %s", status).isEqualTo(status.paid());
      if (status == TradeStatus.TRADE_CLOSED_BY_TAOBAO) {
        assertThat(times.payTime()).isNull();
        assertThat(times.endTime()).isNotNull();
      }
      if (status == TradeStatus.WAIT_BUYER_CONFIRM_GOODS || status == TradeStatus.TRADE_FINISHED) {
        assertThat(times.consignTime()).isAfterOrEqualTo(times.payTime());
        assertThat(trade.shipment()).isNotNull();
      }
      if (status == TradeStatus.TRADE_FINISHED || status == TradeStatus.TRADE_CLOSED) {
        assertThat(times.endTime())
            .isAfterOrEqualTo(times.payTime())
            .isBeforeOrEqualTo(times.modified());
      }
      if (status == TradeStatus.TRADE_CLOSED) {
        assertThat(trade.lines()).allMatch(line -> trade.lineRefundStatus(line).equals("SUCCESS"));
      }
    }
  }

  @Test
  void singleOrderTradesUseTheTidAsOid() {
    for (TradeRecord trade : history(77, 500, Duration.ofDays(2))) {
      if (trade.lines().size() == 1) {
        assertThat(trade.lines().get(0).oid()).isEqualTo(trade.tid());
      } else {
        assertThat(trade.lines()).noneMatch(line -> line.oid() == trade.tid());
      }
    }
  }

  @Test
  void theDefaultMixIsRoughlyHonoured() {
    List<TradeRecord> trades = history(2024, 20_000, Duration.ofDays(60));
    Map<TradeStatus, Long> counts =
        trades.stream().collect(Collectors.groupingBy(TradeRecord::status, Collectors.counting()));

    assertThat(share(counts, TradeStatus.TRADE_CLOSED_BY_TAOBAO)).isCloseTo(0.06, within(0.01));
    assertThat(share(counts, TradeStatus.WAIT_BUYER_PAY)).isCloseTo(0.04, within(0.01));
    assertThat(share(counts, TradeStatus.WAIT_SELLER_SEND_GOODS)).isCloseTo(0.135, within(0.015));
    assertThat(share(counts, TradeStatus.WAIT_BUYER_CONFIRM_GOODS)).isCloseTo(0.45, within(0.02));
    assertThat(share(counts, TradeStatus.TRADE_FINISHED)).isCloseTo(0.27, within(0.02));
    assertThat(share(counts, TradeStatus.TRADE_CLOSED)).isCloseTo(0.045, within(0.01));
    assertThat(trades.stream().filter(t -> t.type() == TradeType.TMALL_I18N).count() / 20_000.0)
        .isCloseTo(0.05, within(0.01));
  }

  private static double share(Map<TradeStatus, Long> counts, TradeStatus status) {
    return counts.getOrDefault(status, 0L) / 20_000.0;
  }

  @Test
  void receiversCoverEveryProvince() {
    long provinces =
        history(31, 3_000, Duration.ofDays(5)).stream()
            .map(t -> t.buyer().receiver().state())
            .distinct()
            .count();

    assertThat(provinces).isEqualTo(new ChineseAddressBook().provinceCount()).isEqualTo(31);
  }

  @Test
  void transitionsOutOfOrderAreRefused() {
    TradeRecord unpaid =
        history(3, 200, Duration.ofDays(1)).stream()
            .filter(t -> t.status() == TradeStatus.WAIT_BUYER_PAY)
            .findFirst()
            .orElseThrow();
    Shipment parcel = new Shipment("顺丰速运", "SF", "SF1234567890");

    assertThatThrownBy(() -> unpaid.shipped(NOW, parcel)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> unpaid.refundOpened(NOW, unpaid.tid(), RefundKind.REFUND_ONLY, null, "不想要了"))
        .isInstanceOf(IllegalStateException.class);
    TradeRecord closed = unpaid.closedByTaobao(NOW);
    assertThatThrownBy(() -> closed.paid(NOW, "1")).isInstanceOf(IllegalStateException.class);
    assertThat(closed.times().modified()).isEqualTo(NOW);
  }

  @Test
  void modifiedNeverMovesBackwards() {
    TradeRecord trade = history(5, 100, Duration.ofDays(1)).get(0);
    Instant earlier = trade.times().modified().minusSeconds(3_600);

    TradeRecord memo = trade.memoUpdated(earlier, "加急", 1);

    assertThat(memo.times().modified()).isEqualTo(trade.times().modified());
    assertThat(memo.notes().sellerMemo()).isEqualTo("加急");
  }
}
