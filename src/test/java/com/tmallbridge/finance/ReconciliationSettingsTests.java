package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The reconciliation's settings: defaults, refusals naming the key, and the integer units the SQL compares. */
class ReconciliationSettingsTests {

  private static FeeRateProperties rates(String commission, String tolerance) {
    return new FeeRateProperties(new BigDecimal(commission), new BigDecimal("0.5"), new BigDecimal("1.0"), new BigDecimal(tolerance));
  }

  @Test
  void ratesOutsideZeroToHundredOrFinerThanFourDecimalsAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> rates("-1", "0.1")).hasMessageContaining("bridge.finance.fee-rates.commission").hasMessageContaining("-1");
    assertThatThrownBy(() -> rates("100.5", "0.1")).hasMessageContaining("bridge.finance.fee-rates.commission");
    assertThatThrownBy(() -> rates("5", "0.00001")).hasMessageContaining("bridge.finance.fee-rates.tolerance");
    assertThatThrownBy(() -> new ReconciliationProperties(0, 1000, 3, 2)).hasMessageContaining("unsettled-days");
    assertThatThrownBy(() -> new ReconciliationProperties(15, 0, 3, 2)).hasMessageContaining("erp-batch");
    assertThatThrownBy(() -> new ReconciliationProperties(15, 1000, 31, 2)).hasMessageContaining("pay-lookback-days");
    assertThatThrownBy(() -> new ReconciliationProperties(15, 1000, 3, 0)).hasMessageContaining("erp-readers");
    assertThatThrownBy(() -> new ReconciliationProperties(15, 1000, 3, 9)).hasMessageContaining("erp-readers");
  }

  @Test
  void rulesCarryRatesInMillionthsTheCutoffAndAReadableDetail() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC);
    DifferenceRules rules = DifferenceRules.of(new ReconciliationProperties(15, 1000, 3, 2), rates("5.25", "0.1"), clock);

    assertThat(rules.unsettledCutoff()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    assertThat(rules.tolerancePerMillion()).isEqualTo(1_000);
    assertThat(rules.fees()).extracting(DifferenceRules.FeeRule::column, DifferenceRules.FeeRule::ratePerMillion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("commission", 52_500L), org.assertj.core.groups.Tuple.tuple("points", 5_000L),
            org.assertj.core.groups.Tuple.tuple("service_fee", 10_000L));
    assertThat(rules.fees().get(0).detail()).isEqualTo("COMMISSION outside 5.25% ± 0.1% of income");
    assertThat(rules.unsettledDetail()).contains("15 days");
  }
}
