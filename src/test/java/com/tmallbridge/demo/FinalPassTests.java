package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.StockKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code stock.correctedAtEnd} counts every listing the final pass moved on Tmall, but Tmall's own holds. */
class FinalPassTests {
  private static final StockKey A = StockKey.of(1L, 11L);
  private static final StockKey B = StockKey.of(1L, 12L);

  @Test
  void aFigureTheFinalPassMovedIsCounted() {
    assertThat(DemoRunner.changed(Map.of(A, 10, B, 5), Map.of(A, 10, B, 5), Map.of())).isEmpty();
    assertThat(DemoRunner.changed(Map.of(A, 10, B, 5), Map.of(A, 11, B, 5), Map.of())).singleElement().asString().contains("from 10 to 11");
    assertThat(DemoRunner.changed(Map.of(A, 10, B, 5), Map.of(A, 9, B, 4), Map.of(A, 5L))).hasSize(2);
  }

  @Test
  void unitsTmallHeldForAnUnpaidTradeAreNotACorrection() {
    assertThat(DemoRunner.changed(Map.of(A, 10), Map.of(A, 12), Map.of(A, 2L))).isEmpty();
    assertThat(DemoRunner.changed(Map.of(A, 10), Map.of(A, 13), Map.of(A, 2L))).hasSize(1);
  }
}
