package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopStatus;
import com.tmallbridge.testsupport.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the daily money close runs, what it runs, and that one failing step or shop stops nothing else. */
class DailyCloseTests {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
  /** 2026-12-05 10:00 GMT+8, the moment 2026-12-04 may be closed. */
  private static final Instant CLOSE_TIME = Instant.parse("2026-12-05T02:00:00Z");

  private final MutableClock clock = new MutableClock(CLOSE_TIME.minusSeconds(60));
  private final ShopManagement shops = mock(ShopManagement.class);
  private final VoucherPosting vouchers = mock(VoucherPosting.class);
  private final CompletenessManagement completeness = mock(CompletenessManagement.class);
  private final ReconciliationManagement reconciliation = mock(ReconciliationManagement.class);
  private final Shop first = shop(1, "S1");
  private final Shop second = shop(2, "S2");

  @BeforeEach
  void twoShops() {
    when(shops.list()).thenReturn(List.of(first, second));
    when(reconciliation.summary(any(), any())).thenReturn(Optional.empty());
    when(vouchers.post(any(), any())).thenReturn(new VoucherPosting.PostingReport("S", "embedded", 3, 3, 0, List.of()));
  }

  private DailyClose close(boolean enabled, int recheckAfterDays) {
    return new DailyClose(shops, vouchers, completeness, reconciliation,
        new DailyCloseProperties(enabled, LocalTime.of(10, 0), recheckAfterDays), clock);
  }

  @Test
  void aDayIsClosableFromTenOClockBeijingTimeOnTheNextDay() {
    DailyClose close = close(true, 30);
    assertThat(close.lastClosableDay()).isEqualTo(DAY.minusDays(1));
    clock.set(CLOSE_TIME);
    assertThat(close.lastClosableDay()).isEqualTo(DAY);
  }

  @Test
  void closesTheDayOfEveryShopOnceThenLeavesItAlone() {
    clock.set(CLOSE_TIME.plusSeconds(600));
    DailyClose close = close(true, 30);

    assertThat(close.closeDue()).extracting(DailyClose.Closed::shop, DailyClose.Closed::day, DailyClose.Closed::closed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("S1", DAY, true), org.assertj.core.groups.Tuple.tuple("S2", DAY, true));
    for (Shop s : List.of(first, second)) {
      verify(vouchers).post(s.id(), DAY);
      verify(completeness).check(s.id(), DAY);
      verify(reconciliation).run(s.id(), DAY);
    }

    when(reconciliation.summary(any(), eq(DAY))).thenReturn(Optional.of(summary(first.id(), CLOSE_TIME.plusSeconds(700))));
    assertThat(close.closeDue()).isEmpty();
  }

  @Test
  void aDayReconciledBeforeItsCloseTimeIsClosedAgain() {
    clock.set(CLOSE_TIME.plusSeconds(600));
    when(reconciliation.summary(any(), eq(DAY))).thenReturn(Optional.of(summary(first.id(), CLOSE_TIME.minusSeconds(3_600))));

    assertThat(close(true, 30).closeDue()).hasSize(2).allSatisfy(c -> assertThat(c.closed()).isTrue());
  }

  @Test
  void aFailingStepIsReportedAndTheOtherStepsAndShopsStillRun() {
    clock.set(CLOSE_TIME.plusSeconds(600));
    when(vouchers.post(first.id(), DAY)).thenThrow(new IllegalStateException("the active ERP 'x' does not take vouchers"));

    List<DailyClose.Closed> done = close(true, 30).closeDue();

    assertThat(done.get(0).problems()).singleElement().asString().contains("vouchers of 2026-12-04", "does not take vouchers");
    assertThat(done.get(1).problems()).isEmpty();
    verify(completeness).check(first.id(), DAY);
    verify(reconciliation).run(first.id(), DAY);
    verify(reconciliation).run(second.id(), DAY);
  }

  @Test
  void theDayThirtyDaysBackIsReconciledAgainOnceWhenItWasReconciledBefore() {
    clock.set(CLOSE_TIME.plusSeconds(600));
    LocalDate old = DAY.minusDays(30);
    when(reconciliation.summary(any(), eq(DAY))).thenReturn(Optional.of(summary(first.id(), CLOSE_TIME.plusSeconds(1))));
    when(reconciliation.summary(first.id(), old)).thenReturn(Optional.of(summary(first.id(), old.plusDays(1).atStartOfDay()
        .toInstant(java.time.ZoneOffset.ofHours(8)))));

    assertThat(close(true, 30).closeDue()).singleElement().satisfies(c -> {
      assertThat(c.shop()).isEqualTo("S1");
      assertThat(c.closed()).isFalse();
      assertThat(c.rechecked()).isTrue();
    });
    verify(reconciliation).run(first.id(), old);
    verify(reconciliation, never()).run(second.id(), old);
  }

  @Test
  void disabledDoesNothing() {
    clock.set(CLOSE_TIME.plusSeconds(600));
    assertThat(close(false, 30).closeDue()).isEmpty();
    verify(reconciliation, never()).run(any(ShopId.class), any(LocalDate.class));
  }

  @Test
  void aRecheckPeriodOutsideTheReconcilableRangeIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DailyCloseProperties(true, LocalTime.of(10, 0), 94))
        .hasMessageContaining("bridge.finance.daily.recheck-after-days must be between 0 and 93");
  }

  private static DaySummary summary(ShopId shop, Instant ranAt) {
    return new DaySummary(shop, DAY, 1, ranAt, 0, 0, 0, 0, 0, 0, 0, new EnumMap<>(DifferenceCategory.class));
  }

  private static Shop shop(long id, String code) {
    ShopId shopId = new ShopId(id);
    return new Shop(shopId, code, "shop " + code, new com.tmallbridge.channel.ShopCredentials(shopId, "http://gw", "k", "s", "sk", "md5"),
        CLOSE_TIME, ShopStatus.ACTIVE, null, null, CLOSE_TIME);
  }
}
