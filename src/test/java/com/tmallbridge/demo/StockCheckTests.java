package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import com.tmallbridge.sandbox.tmall.StockKey;
import com.tmallbridge.sandbox.tmall.StockMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's independent stock check finds each kind of problem and nothing else. */
class StockCheckTests {
  private static final Instant T = Instant.parse("2026-11-11T00:00:00Z");
  private static final MaterialCode A = new MaterialCode("SP1001-01");
  private static final MaterialCode B = new MaterialCode("SP1001-02");

  private final SandboxItem item = new SandboxItem(1L, "T-shirt", "SP1001", 1, 100, 0, "onsale", T, T, 0, "", List.of(
      new SandboxSku(11L, "SP1001-01", "1:1", "1:1:颜色:白", 100, 0, T, 0),
      new SandboxSku(12L, "SP1001-02", "1:2", "1:2:颜色:黑", 100, 0, T, 0)), StockMode.ON_PAYMENT, 0);

  private StockCheck.Result check(int shownA, int shownB, Map<String, Map<MaterialCode, Long>> undelivered, List<SandboxTrade> trades) {
    return check(shownA, shownB, undelivered, trades, Set.of());
  }

  private StockCheck.Result check(int shownA, int shownB, Map<String, Map<MaterialCode, Long>> undelivered, List<SandboxTrade> trades,
      Set<Long> shippedOnTmall) {
    Map<StockKey, Integer> shown = Map.of(StockKey.of(1L, 11L), shownA, StockKey.of(1L, 12L), shownB);
    StockCheck.ErpStock erp = new StockCheck.ErpStock(Map.of(A, 50L, B, 10L), undelivered, Map.of(B, 5L));
    return new StockCheck().compare(List.of(item), shown, trades, shippedOnTmall, erp, DemoSeeder::materialCode, 3);
  }

  @Test
  void figuresEqualToWhatMayBeSoldPass() {
    // A: 50 on hand − 8 owed = 42; B: 10 − 5 safety = 5
    StockCheck.Result r = check(42, 5, Map.of("900", Map.of(A, 8L)), List.of());
    assertThat(r.overPublished()).isZero();
    assertThat(r.drift()).isZero();
    assertThat(r.skus()).isEqualTo(2);
  }

  @Test
  void moreThanMayBeSoldIsOverPublishedAndDrift() {
    StockCheck.Result r = check(43, 5, Map.of("900", Map.of(A, 8L)), List.of());
    assertThat(r.overPublished()).isEqualTo(1);
    assertThat(r.drift()).isEqualTo(1);
    assertThat(r.samples()).anyMatch(s -> s.contains("SP1001-01"));
  }

  @Test
  void lessThanShouldBeIsDriftOnly() {
    StockCheck.Result r = check(40, 5, Map.of("900", Map.of(A, 8L)), List.of());
    assertThat(r.overPublished()).isZero();
    assertThat(r.drift()).isEqualTo(1);
  }

  @Test
  void belowTheZeroOutThresholdMustShowZero() {
    // B: 10 − 5 safety − 3 owed = 2 < 3 → 0 expected
    Map<String, Map<MaterialCode, Long>> owed = new HashMap<>(Map.of("901", Map.of(B, 3L)));
    assertThat(check(50, 0, owed, List.of()).drift()).isZero();
    StockCheck.Result r = check(50, 2, owed, List.of());
    assertThat(r.drift()).isEqualTo(1);
    assertThat(r.overPublished()).isZero();
  }

  @Test
  void unitsTmallTookForAnUnpaidTradeOfAListingThatSellsOnCreationAreNoDrift() {
    SandboxItem onCreation = new SandboxItem(1L, "T-shirt", "SP1001", 1, 100, 0, "onsale", T, T, 0, "", item.skus(), StockMode.ON_CREATION, 0);
    SandboxTradeLine line = new SandboxTradeLine(9001, 1L, 11L, "SP1001", "SP1001-01", "T-shirt", 2, 100, 200, 200, "NO_REFUND");
    SandboxTrade unpaid = new SandboxTrade(901, "WAIT_BUYER_PAY", "fixed", T, T, null, null, null, false, 200, 0, 0, List.of(line));
    StockCheck.ErpStock erp = new StockCheck.ErpStock(Map.of(A, 50L, B, 10L), Map.of(), Map.of(B, 5L));

    assertThat(new StockCheck().compare(List.of(onCreation), Map.of(StockKey.of(1L, 11L), 48, StockKey.of(1L, 12L), 5), List.of(unpaid), Set.of(), erp,
        DemoSeeder::materialCode, 3).drift()).isZero();
    assertThat(new StockCheck().compare(List.of(onCreation), Map.of(StockKey.of(1L, 11L), 47, StockKey.of(1L, 12L), 5), List.of(unpaid), Set.of(), erp,
        DemoSeeder::materialCode, 3).drift()).as("short by more than the hold").isEqualTo(1);
    assertThat(new StockCheck().compare(List.of(item), Map.of(StockKey.of(1L, 11L), 48, StockKey.of(1L, 12L), 5), List.of(unpaid), Set.of(), erp,
        DemoSeeder::materialCode, 3).drift()).as("付款减库存 takes nothing before payment").isEqualTo(1);
  }

  @Test
  void unitsTmallGaveBackForATradeClosedUnpaidOnAListingThatSellsOnCreationAreCountedFromItsClose() {
    SandboxItem onCreation = new SandboxItem(1L, "T-shirt", "SP1001", 1, 100, 0, "onsale", T, T, 0, "", item.skus(), StockMode.ON_CREATION, 0);
    SandboxTradeLine line = new SandboxTradeLine(9001, 1L, 11L, "SP1001", "SP1001-01", "T-shirt", 2, 100, 200, 200, "NO_REFUND");
    SandboxTrade closed = new SandboxTrade(901, "TRADE_CLOSED_BY_TAOBAO", "fixed", T, T, null, null, T, false, 200, 0, 0, List.of(line));

    assertThat(StockCheck.givenBackSince(List.of(onCreation), List.of(closed), T.minusSeconds(60), DemoSeeder::materialCode))
        .containsOnly(Map.entry(A, 2L));
    assertThat(StockCheck.givenBackSince(List.of(onCreation), List.of(closed), T.plusSeconds(1), DemoSeeder::materialCode)).isEmpty();
    assertThat(StockCheck.givenBackSince(List.of(item), List.of(closed), T.minusSeconds(60), DemoSeeder::materialCode))
        .as("付款减库存 only held the units").isEmpty();
  }

  @Test
  void duringTheRunAFigureAboveWhatTheErpAllowedAtAnyMomentIsCounted() {
    Map<StockKey, Integer> shown = Map.of(StockKey.of(1L, 11L), 42, StockKey.of(1L, 12L), 5);
    List<String> samples = new java.util.ArrayList<>();

    assertThat(StockCheck.overPublished(List.of(item), shown, Map.of(A, 42L, B, 5L), DemoSeeder::materialCode, samples)).isZero();
    assertThat(StockCheck.overPublished(List.of(item), shown, Map.of(A, 41L, B, 5L), DemoSeeder::materialCode, samples)).isEqualTo(1);
    assertThat(StockCheck.overPublished(List.of(item), shown, Map.of(A, 41L), DemoSeeder::materialCode, samples)).as("B allowed none")
        .isEqualTo(2);
    assertThat(samples).first().asString().contains("SP1001-01").contains("42").contains("41");
  }

  @Test
  void sellableLeavesOutSafetyStockAndWhatIsStillToDeliver() {
    StockCheck.ErpStock erp = new StockCheck.ErpStock(Map.of(A, 50L, B, 10L), Map.of("900", Map.of(A, 8L), "901", Map.of(B, 20L)),
        Map.of(B, 5L));

    assertThat(StockCheck.sellable(List.of(item), List.of(), Set.of(), erp, DemoSeeder::materialCode)).containsOnly(Map.entry(A, 42L), Map.entry(B, 0L));
  }

  @Test
  void unitsOfClosedOrRefundedTradesAreNotOwed() {
    SandboxTrade closed = trade(900, "TRADE_CLOSED", "NO_REFUND");
    assertThat(check(50, 5, Map.of("900", Map.of(A, 8L)), List.of(closed)).drift()).isZero();
    SandboxTrade refunded = trade(900, "WAIT_SELLER_SEND_GOODS", "SUCCESS");
    assertThat(check(50, 5, Map.of("900", Map.of(A, 8L)), List.of(refunded)).drift()).isZero();
    SandboxTrade open = trade(900, "WAIT_SELLER_SEND_GOODS", "NO_REFUND");
    assertThat(check(50, 5, Map.of("900", Map.of(A, 8L)), List.of(open)).overPublished()).isEqualTo(1);
  }

  /**
   * A trade shipped in two parcels: sub-order 9001 (material A) left in the first; sub-order 9002
   * (material B) was refunded before its parcel, while the ERP still lists its line (the after-sale
   * flow cancels it a little later). Its units are free, as those of a trade nothing of which had
   * shipped: publishing them is no over-publication, whatever else of the trade shipped.
   */
  @Test
  void aSubOrderRefundedBeforeItShippedIsNotOwedWhenAnotherOfTheTradeShipped() {
    SandboxTradeLine shipped = new SandboxTradeLine(9001L, 1L, 11L, "SP1001", "SP1001-01", "T-shirt", 1, 100, 100, 100, "NO_REFUND");
    SandboxTradeLine refunded = new SandboxTradeLine(9002L, 1L, 12L, "SP1001", "SP1001-02", "T-shirt", 2, 100, 200, 200, "SUCCESS");
    SandboxTrade partly = new SandboxTrade(900, "WAIT_BUYER_CONFIRM_GOODS", "fixed", T, T, T, T, null, true, 300, 0, 0,
        List.of(shipped, refunded));
    Map<String, Map<MaterialCode, Long>> erpStillLists = Map.of("900", Map.of(B, 2L));

    // B: on-hand 10 − safety 5 = 5 may be sold once the refunded line is not owed
    assertThat(check(50, 5, erpStillLists, List.of(partly), Set.of(9001L)).overPublished()).isZero();
    assertThat(check(50, 5, erpStillLists, List.of(partly), Set.of(9001L)).drift()).isZero();
    // had the refunded sub-order shipped before its refund (goods gone), its line would still be owed
    assertThat(check(50, 5, erpStillLists, List.of(partly), Set.of(9001L, 9002L)).overPublished()).isEqualTo(1);
  }

  private static SandboxTrade trade(long tid, String status, String refund) {
    SandboxTradeLine line = new SandboxTradeLine(tid, 1L, 11L, "SP1001", "SP1001-01", "T-shirt", 8, 100, 800, 800, refund);
    return new SandboxTrade(tid, status, "fixed", T, T, T, null, null, true, 800, 0, 0, List.of(line));
  }
}
