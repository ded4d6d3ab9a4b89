package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.product.Component;
import com.tmallbridge.stock.StockAllocator.Demand;
import com.tmallbridge.stock.StockAllocator.Figure;
import com.tmallbridge.stock.StockAllocator.Lock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockAllocatorTests {
  static final MaterialCode A = new MaterialCode("A");
  static final MaterialCode B = new MaterialCode("B");

  static Demand plain(String key, long shop, MaterialCode m, RuleSettings rule, long shopSellable) {
    return new Demand(key, shop, List.of(new Component(m, 1)), rule, Map.of(m, shopSellable));
  }

  static RuleSettings rule(int percent, long add, long min, Long max, long zeroBelow, long safety) {
    return new RuleSettings(null, percent, add, min, max, zeroBelow, safety);
  }

  @Test
  void publishesAllSellableStockByDefault() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 10L), List.of(plain("1", 1, A, RuleSettings.DEFAULT, 10)), List.of());
    assertThat(f.get("1")).isEqualTo(new Figure(10, 10, 10));
  }

  @Test
  void appliesPercentRoundedDownThenFixedAddThenMinAndMax() {
    assertThat(rule(50, 0, 0, null, 0, 0).wanted(7)).isEqualTo(3);
    assertThat(rule(50, 2, 0, null, 0, 0).wanted(7)).isEqualTo(5);
    assertThat(rule(100, -3, 0, null, 0, 0).wanted(7)).isEqualTo(4);
    assertThat(rule(100, -30, 0, null, 0, 0).wanted(7)).isZero();
    assertThat(rule(10, 0, 5, null, 0, 0).wanted(20)).isEqualTo(5);
    assertThat(rule(100, 0, 0, 6L, 0, 0).wanted(20)).isEqualTo(6);
    assertThat(rule(0, 0, 0, null, 0, 0).wanted(20)).isZero();
  }

  @Test
  void neverPublishesMoreThanTheViewEvenWithMinOrFixedAdd() {
    assertThat(rule(100, 0, 10, null, 0, 0).wanted(4)).isEqualTo(4);
    assertThat(rule(100, 5, 0, null, 0, 0).wanted(4)).isEqualTo(4);
    assertThat(rule(100, 0, 3, null, 0, 0).wanted(0)).isZero();
  }

  @Test
  void zeroOutThresholdPublishesZeroBelowIt() {
    RuleSettings r = rule(100, 0, 0, null, 5, 0);
    assertThat(r.wanted(4)).isZero();
    assertThat(r.wanted(5)).isEqualTo(5);
  }

  @Test
  void ruleSafetyStockIsHeldBackFromTheListing() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 10L), List.of(plain("1", 1, A, rule(100, 0, 0, null, 0, 3), 10)), List.of());
    assertThat(f.get("1").published()).isEqualTo(7);
  }

  @Test
  void viewIsLimitedByTheShopsOwnWarehouses() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 10L), List.of(plain("1", 1, A, RuleSettings.DEFAULT, 4)), List.of());
    assertThat(f.get("1").published()).isEqualTo(4);
  }

  @Test
  void twoShopsSharingAMaterialAreScaledDownByLargestRemainder() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 10L),
        List.of(plain("s1", 1, A, RuleSettings.DEFAULT, 10), plain("s2", 2, A, RuleSettings.DEFAULT, 10),
            plain("s3", 3, A, RuleSettings.DEFAULT, 10)), List.of());
    assertThat(f.values().stream().mapToLong(Figure::published).sum()).isEqualTo(10);
    assertThat(f.get("s1").published()).isEqualTo(4);
    assertThat(f.get("s2").published()).isEqualTo(3);
    assertThat(f.get("s3").published()).isEqualTo(3);
  }

  @Test
  void percentRulesThatFitArePublishedUnscaled() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 10L),
        List.of(plain("s1", 1, A, rule(60, 0, 0, null, 0, 0), 10), plain("s2", 2, A, rule(40, 0, 0, null, 0, 0), 10)), List.of());
    assertThat(f.get("s1").published()).isEqualTo(6);
    assertThat(f.get("s2").published()).isEqualTo(4);
  }

  @Test
  void comboShowsTheMinimumOverComponentsOfWholeSets() {
    Demand combo = new Demand("c", 1, List.of(new Component(A, 2), new Component(B, 3)), RuleSettings.DEFAULT, Map.of(A, 9L, B, 10L));
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 9L, B, 10L), List.of(combo), List.of());
    assertThat(f.get("c")).isEqualTo(new Figure(3, 3, 3));
  }

  @Test
  void comboIsCappedByWhatItsComponentsWereGranted() {
    // A = 10 shared by a plain SKU (wants 10) and a combo of 2 A (wants 5 sets = 10 A): each gets 5 A.
    Demand plainA = plain("p", 1, A, RuleSettings.DEFAULT, 10);
    Demand combo = new Demand("c", 1, List.of(new Component(A, 2), new Component(B, 1)), RuleSettings.DEFAULT, Map.of(A, 10L, B, 100L));
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 10L, B, 100L), List.of(plainA, combo), List.of());
    assertThat(f.get("p").published()).isEqualTo(5);
    assertThat(f.get("c").published()).isEqualTo(2);
    assertThat(f.get("p").published() + 2 * f.get("c").published()).isLessThanOrEqualTo(10);
  }

  @Test
  void lockIsCarvedOutForItsShopAndHiddenFromOthers() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 10L),
        List.of(plain("s1", 1, A, RuleSettings.DEFAULT, 10), plain("s2", 2, A, RuleSettings.DEFAULT, 10)),
        List.of(new Lock(1, A, 6)));
    assertThat(f.get("s2").view()).isEqualTo(4);
    assertThat(f.get("s1").view()).isEqualTo(10);
    assertThat(f.get("s1").published()).isGreaterThanOrEqualTo(6);
    assertThat(f.get("s1").published() + f.get("s2").published()).isEqualTo(10);
  }

  @Test
  void lockLargerThanStockTakesOnlyWhatThereIs() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 5L),
        List.of(plain("s1", 1, A, RuleSettings.DEFAULT, 5), plain("s2", 2, A, RuleSettings.DEFAULT, 5)), List.of(new Lock(1, A, 50)));
    assertThat(f.get("s1").published()).isEqualTo(5);
    assertThat(f.get("s2").published()).isZero();
  }

  @Test
  void negativeOrMissingSellablePublishesZero() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, -3L),
        List.of(plain("1", 1, A, RuleSettings.DEFAULT, -3), plain("2", 1, B, RuleSettings.DEFAULT, 0)), List.of());
    assertThat(f.get("1").published()).isZero();
    assertThat(f.get("2").published()).isZero();
  }

  @Test
  void fitScalesByLargestRemainderWithEarlierTiesFirst() {
    assertThat(StockAllocator.fit(new long[] {5, 5}, 3)).containsExactly(2, 1);
    assertThat(StockAllocator.fit(new long[] {1, 1, 1}, 5)).containsExactly(1, 1, 1);
    assertThat(StockAllocator.fit(new long[] {4, 0}, 0)).containsExactly(0, 0);
  }

  @Test
  void readmeExampleLockAndPercentSplitAsDocumented() {
    Map<String, Figure> f = StockAllocator.allocate(Map.of(A, 75L),
        List.of(plain("s1", 1, A, rule(50, 0, 0, null, 0, 0), 75), plain("s2", 2, A, RuleSettings.DEFAULT, 75)),
        List.of(new Lock(2, A, 30)));
    assertThat(f.get("s1")).isEqualTo(new Figure(45, 22, 15));
    assertThat(f.get("s2")).isEqualTo(new Figure(75, 75, 60));
  }

  @Test
  void ruleBookMergesSkuItemAndShopRulesFieldByField() {
    com.tmallbridge.core.ShopId shop = new com.tmallbridge.core.ShopId(1);
    RuleBook book = new RuleBook(List.of(
        new StockRule(shop, "", "", List.of("WH01"), 50, null, null, 100L, null, null),
        new StockRule(shop, "9", "", null, 80, -1L, null, null, null, null),
        new StockRule(shop, "9", "s", null, null, null, 3L, null, 4L, null)));
    assertThat(book.settingsFor(1, "9", "s")).isEqualTo(new RuleSettings(List.of("WH01"), 80, -1, 3, 100L, 4, 0));
    assertThat(book.settingsFor(1, "8", "")).isEqualTo(new RuleSettings(List.of("WH01"), 50, 0, 0, 100L, 0, 0));
    assertThat(book.settingsFor(2, "9", "s")).isEqualTo(RuleSettings.DEFAULT);
  }

  @Test
  void sellableCountsOnlyTheShopsWarehousesLessReservedAndSafety() {
    SellableStock.Snapshot s = new SellableStock.Snapshot(Map.of(A, Map.of("WH01", 30L, "WH02", 10L)), Map.of(A, 4L), Map.of(A, 2L));
    assertThat(s.sellable(A, null)).isEqualTo(34);
    assertThat(s.sellable(A, List.of("WH01"))).isEqualTo(24);
    assertThat(s.sellable(B, null)).isZero();
  }
}
