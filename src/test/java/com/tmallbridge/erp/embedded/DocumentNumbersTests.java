package com.tmallbridge.erp.embedded;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DatabaseTest
class DocumentNumbersTests {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-11T15:59:59Z"));

  @Test
  void twoNodesHandOutDisjointNumbersFromTheirBlocks() {
    DocumentNumbers nodeA = new DocumentNumbers(DATABASE.get().jdbc(), clock, SHANGHAI);
    DocumentNumbers nodeB = new DocumentNumbers(DATABASE.get().jdbc(), clock, SHANGHAI);
    List<String> numbers = new ArrayList<>();

    for (int i = 0; i < DocumentNumbers.BLOCK + 50; i++) {
      numbers.add(nodeA.nextCustomerNo().value());
      numbers.add(nodeB.nextCustomerNo().value());
    }

    assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("C\\d{8}"));
  }

  @Test
  void salesOrderNumberCarriesTheShanghaiBusinessDay() {
    DocumentNumbers numbers = new DocumentNumbers(DATABASE.get().jdbc(), clock, SHANGHAI);

    ErpDocNo lastOfDay = numbers.nextSalesOrderNo();
    clock.advance(java.time.Duration.ofSeconds(1));
    ErpDocNo firstOfNextDay = numbers.nextSalesOrderNo();

    assertThat(lastOfDay.value()).startsWith("SO20251111").hasSize(16);
    assertThat(firstOfNextDay.value()).startsWith("SO20251112");
    assertThat(Long.parseLong(firstOfNextDay.value().substring(10)))
        .isEqualTo(Long.parseLong(lastOfDay.value().substring(10)) + 1);
  }

  @Test
  void runningNumberGrowsPastItsMinimumWidth() {
    assertThat(DocumentNumbers.zeroPadded("SO20251111", 42, 6)).isEqualTo("SO20251111000042");
    assertThat(DocumentNumbers.zeroPadded("SO20251111", 1_234_567, 6)).isEqualTo("SO202511111234567");
    assertThat(DocumentNumbers.zeroPadded("C", 7, 8)).isEqualTo("C00000007");
  }
}
