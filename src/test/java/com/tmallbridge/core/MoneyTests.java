package com.tmallbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

  @Test
  void parsesYuanTextIntoFen() {
    assertThat(Money.parseYuan("148.00")).isEqualTo(14800);
    assertThat(Money.parseYuan("200.07")).isEqualTo(20007);
    assertThat(Money.parseYuan("0.1")).isEqualTo(10);
    assertThat(Money.parseYuan("12")).isEqualTo(1200);
    assertThat(Money.parseYuan("-3.50")).isEqualTo(-350);
    assertThat(Money.parseYuan(" 1.000 ")).isEqualTo(100);
  }

  @Test
  void rejectsMoreThanTwoDecimalsAndNonNumbers() {
    assertThatThrownBy(() -> Money.parseYuan("1.005")).hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(() -> Money.parseYuan("abc")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> Money.parseYuan("")).hasMessageContaining("empty");
  }

  @Test
  void formatsFenWithTwoDecimals() {
    assertThat(Money.formatYuan(14800)).isEqualTo("148.00");
    assertThat(Money.formatYuan(7)).isEqualTo("0.07");
    assertThat(Money.formatYuan(-350)).isEqualTo("-3.50");
    assertThat(Money.toYuan(20007)).isEqualByComparingTo(new BigDecimal("200.07"));
    assertThat(Money.fromYuan(new BigDecimal("200.07"))).isEqualTo(20007);
  }
}
