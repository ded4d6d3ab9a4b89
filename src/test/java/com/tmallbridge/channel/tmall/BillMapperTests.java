package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.tmallbridge.core.SettlementKind;
import org.junit.jupiter.api.Test;

/** The kind of a bill line by its account type, amount sign and sub-order; amounts in fen or yuan. */
class BillMapperTests {

  @Test
  void classifiesByAccountTypeSignAndSubOrder() {
    assertThat(BillMapper.kind(2, 100, "1")).isEqualTo(SettlementKind.INCOME);
    assertThat(BillMapper.kind(2, 100, null)).isEqualTo(SettlementKind.POST_FEE);
    assertThat(BillMapper.kind(2, -100, "1")).isEqualTo(SettlementKind.REFUND);
    assertThat(BillMapper.kind(2, -100, null)).isEqualTo(SettlementKind.REFUND);
    assertThat(BillMapper.kind(3, 5, "1")).isEqualTo(SettlementKind.COMMISSION);
    assertThat(BillMapper.kind(4, 5, "1")).isEqualTo(SettlementKind.SERVICE_FEE);
    assertThat(BillMapper.kind(5, 5, "1")).isEqualTo(SettlementKind.POINTS);
    assertThat(BillMapper.kind(1, 5, null)).isEqualTo(SettlementKind.OTHER);
    assertThat(BillMapper.kind(6, 5, null)).isEqualTo(SettlementKind.OTHER);
    assertThat(BillMapper.kind(0, 5, "1")).isEqualTo(SettlementKind.OTHER);
  }

  @Test
  void readsIntegersAsFenAndDecimalTextAsYuan() {
    assertThat(BillMapper.amountFen(TopJson.readObject("{\"amount\":1990}"))).isEqualTo(1_990);
    assertThat(BillMapper.amountFen(TopJson.readObject("{\"amount\":\"-250\"}"))).isEqualTo(-250);
    assertThat(BillMapper.amountFen(TopJson.readObject("{\"amount\":\"19.90\"}"))).isEqualTo(1_990);
    assertThatIllegalArgumentException().isThrownBy(() -> BillMapper.amountFen(TopJson.readObject("{\"amount\":\"abc\"}")))
        .withMessageContaining("amount");
    assertThatIllegalArgumentException().isThrownBy(() -> BillMapper.amountFen(TopJson.readObject("{}")))
        .withMessageContaining("amount");
  }

  @Test
  void requestsCarryTheWindowInGmtPlus8TheTimeTypeAndTheLargestPage() {
    com.tmallbridge.core.TimeWindow window = new com.tmallbridge.core.TimeWindow(
        java.time.Instant.parse("2026-03-09T16:00:00Z"), java.time.Instant.parse("2026-03-10T16:00:00Z"));
    TopRequest bills = BillRequests.billsGet(window, 2, 3);
    assertThat(bills.method()).isEqualTo("taobao.bill.bills.get");
    assertThat(bills.params()).containsEntry("start_time", "2026-03-10 00:00:00").containsEntry("end_time", "2026-03-11 00:00:00")
        .containsEntry("time_type", "2").containsEntry("page_no", "3").containsEntry("page_size", "100");
    assertThat(BillRequests.accountsGet().params().get("fields")).contains("account_id", "account_type");
    TopRequest journal = BillRequests.bookBillsGet(11, window, 1);
    assertThat(journal.method()).isEqualTo("taobao.bill.book.bills.get");
    assertThat(journal.params()).containsEntry("account_id", "11").containsEntry("page_size", "100");
  }
}
