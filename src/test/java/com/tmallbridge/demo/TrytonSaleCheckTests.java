package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.demo.TrytonSaleCheck.Expected;
import com.tmallbridge.demo.TrytonSaleCheck.Result;
import com.tmallbridge.demo.TrytonSaleCheck.Sale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check of Tryton sales against the sandbox counts each kind of problem, and only problems. */
class TrytonSaleCheckTests {
  private static final List<Expected> EXPECTED = List.of(
      new Expected("tb:S:1", 1000, true), new Expected("tb:S:2", 2500, true), new Expected("tb:S:3", 300, false));

  @Test
  void passesOneConfirmedSaleWithTheRightTotalPerPaidTrade() {
    Result r = TrytonSaleCheck.evaluate(EXPECTED, List.of(
        new Sale(1, "tb:S:1", "processing", 1000), new Sale(2, "tb:S:2", "confirmed", 2500)));

    assertThat(r.problems()).isZero();
    assertThat(r.checked()).isEqualTo(3);
  }

  @Test
  void countsADuplicateMadeByHand() {
    Result r = TrytonSaleCheck.evaluate(EXPECTED, List.of(
        new Sale(1, "tb:S:1", "processing", 1000), new Sale(2, "tb:S:2", "confirmed", 2500), new Sale(3, "tb:S:1", "confirmed", 1000)));

    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.problems()).isEqualTo(1);
  }

  @Test
  void countsMissingWrongAmountQuotationAndUnwantedSales() {
    Result r = TrytonSaleCheck.evaluate(EXPECTED, List.of(
        new Sale(1, "tb:S:1", "quotation", 999), new Sale(3, "tb:S:3", "processing", 300)));

    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.wrongAmount()).isEqualTo(1);
    assertThat(r.notConfirmed()).isEqualTo(1);
    assertThat(r.unwanted()).isEqualTo(1);
    assertThat(r.problems()).isEqualTo(4);
  }

  @Test
  void ignoresDraftAndCancelledSales() {
    Result r = TrytonSaleCheck.evaluate(EXPECTED, List.of(
        new Sale(1, "tb:S:1", "processing", 1000), new Sale(2, "tb:S:1", "draft", 1000), new Sale(3, "tb:S:2", "confirmed", 2500),
        new Sale(4, "tb:S:2", "cancelled", 2500), new Sale(5, "tb:S:3", "draft", 300)));

    assertThat(r.problems()).isZero();
  }
}
