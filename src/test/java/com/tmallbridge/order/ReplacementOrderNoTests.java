package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplacementOrderNoTests {

  @Test
  void namesTheReplacementAfterTradeAndRefundAndReadsItBack() {
    ReplacementOrderNo no = ReplacementOrderNo.of("3028689418086124", "154226800251862431");

    assertThat(no.value()).isEqualTo("3028689418086124-X154226800251862431");
    assertThat(no.channelOrderNo().value()).isEqualTo(no.value());
    assertThat(ReplacementOrderNo.parse(no.value())).contains(no);
  }

  @Test
  void anOrdinaryTradeIsNoReplacement() {
    assertThat(ReplacementOrderNo.parse("3028689418086124")).isEmpty();
    assertThat(ReplacementOrderNo.parse("-X123")).isEmpty();
    assertThat(ReplacementOrderNo.parse("123-X")).isEmpty();
    assertThat(ReplacementOrderNo.parse("123-X4-5")).isEmpty();
    assertThatThrownBy(() -> ReplacementOrderNo.of(" ", "1")).isInstanceOf(IllegalArgumentException.class);
  }
}
