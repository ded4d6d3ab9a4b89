package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A posting rule refuses bad accounts, rates and templates with a message naming what is wrong. */
class PostingRuleTests {

  @Test
  void refusesWhatCannotPost() {
    BigDecimal rate = new BigDecimal("0.13");
    assertThatThrownBy(() -> new PostingRule(PostingKind.SALE, "1122", "1122", null, null, "x"))
        .hasMessageContaining("must differ");
    assertThatThrownBy(() -> new PostingRule(PostingKind.SALE, "11 22", "6001", null, null, "x"))
        .hasMessageContaining("'11 22' is not an account code");
    assertThatThrownBy(() -> new PostingRule(PostingKind.SALE, "1122", "6001", "2221", null, "x"))
        .hasMessageContaining("VAT account needs a VAT rate");
    assertThatThrownBy(() -> new PostingRule(PostingKind.SALE, "1122", "6001", "2221", new BigDecimal("13"), "x"))
        .hasMessageContaining("below 1");
    assertThatThrownBy(() -> new PostingRule(PostingKind.SALE, "1122", "6001", "2221", new BigDecimal("0.12345"), "x"))
        .hasMessageContaining("4 decimals");
    assertThatThrownBy(() -> new PostingRule(PostingKind.SALE, "1122", "6001", "2221", rate, "订单 {order}"))
        .hasMessageContaining("unknown placeholder {order}");
    assertThatThrownBy(() -> new PostingRule(PostingKind.SALE, "1122", "6001", null, null, " "))
        .hasMessageContaining("explanation");
  }

  @Test
  void fillsItsTemplateAndDescribesItself() {
    PostingRule rule = new PostingRule(PostingKind.SALE, "1122", "6001", "2221", new BigDecimal("0.13"), "{shop} 订单 {tid} {erp} {bid} {date}");

    assertThat(rule.explain("4001", null, "TM01", "2026-12-05", "SO1")).isEqualTo("TM01 订单 4001 SO1 - 2026-12-05");
    assertThat(rule.describe()).isEqualTo("SALE Dr 1122 Cr 6001 VAT 2221@0.1300 \"{shop} 订单 {tid} {erp} {bid} {date}\"");
    assertThat(rule.vatRate()).isEqualByComparingTo("0.13");
  }
}
