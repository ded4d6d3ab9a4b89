package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Receivable;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.MoneyRows;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Summary vouchers (granularity DAY, the default) on the built-in ERP: one voucher per day and
 * kind, receivables still per order; events posted exactly once across batches and switches of
 * granularity; a failed batch retried under its key with the same events.
 */
@SpringBootTest
class DayVoucherPostingTests extends SpringDatabaseTestBase {
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");

  @Autowired ShopManagement shops;
  @Autowired PostingSchemes schemes;
  @Autowired VoucherPosting posting;
  @Autowired EmbeddedErpOperations erp;
  @Autowired AuditManagement audit;
  @Autowired JdbcClient jdbc;

  private Shop shop;
  private String code;

  @BeforeEach
  void setUp() {
    code = "D" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    shop = shops.add(new ShopRegistration(code, "汇总店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", null));
  }

  @Test
  void aDayPostsOneSummaryVoucherPerKindAndLateEventsAndSwitchesPostEachEventOnce() {
    assertThat(schemes.granularity(shop.id())).isEqualTo(new PostingSchemes.Granularity(VoucherGranularity.DAY, false));
    exportedTrade("7001", 11_300, 1_000, "2026-11-20T10:00:00+08:00");
    exportedTrade("7002", 5_000, 0, "2026-11-20T11:00:00+08:00");
    settled("C1", "INCOME", "7001", 10_300, "2026-11-20T12:00:00+08:00");
    settled("C2", "INCOME", "7002", 5_000, "2026-11-20T12:00:00+08:00");
    settled("C3", "COMMISSION", "7001", -515, "2026-11-20T12:00:00+08:00");

    VoucherPosting.PostingReport first = posting.post(shop.id(), DAY);

    assertThat(first.posted()).isEqualTo(3);
    assertThat(posting.list(shop.id(), DAY, 10)).extracting(PostedVoucher::key, PostedVoucher::totalFen, PostedVoucher::explanation)
        .containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple("SALE|" + code + "|2026-11-20|1", 16_300L, "天猫 2026-11-20 销售收入汇总（2 笔）"),
            org.assertj.core.api.Assertions.tuple("RCPT|" + code + "|2026-11-20|1", 15_300L, "天猫 2026-11-20 支付宝收款汇总（2 笔）"),
            org.assertj.core.api.Assertions.tuple("COMM|" + code + "|2026-11-20|1", 515L, "天猫 2026-11-20 平台佣金汇总（1 笔）"));
    assertThat(erp.receivables(code)).containsExactly(new Receivable("7001", null, 11_300, 10_300), new Receivable("7002", null, 5_000, 5_000));
    assertThat(posting.post(shop.id(), DAY).alreadyPosted()).isEqualTo(3);

    // a late trade of the same day: batch 2, the posted batch 1 is not touched
    exportedTrade("7003", 2_260, 0, "2026-11-20T22:00:00+08:00");
    assertThat(posting.unposted(shop.id(), DAY)).containsExactly("SALE|" + code + "|2026-11-20|2");
    assertThat(posting.post(shop.id(), null).posted()).isEqualTo(1);
    assertThat(posting.detail("SALE|" + code + "|2026-11-20|1").orElseThrow().entries()).extracting(e -> e.tid())
        .containsOnly("7001", "7002");

    // switching to LINE: a new event gets its own voucher, the summarised ones are not posted again
    schemes.setGranularity(shop.id(), VoucherGranularity.LINE);
    exportedTrade("7004", 1_130, 0, "2026-11-20T23:00:00+08:00");
    assertThat(posting.post(shop.id(), DAY).posted()).isEqualTo(1);
    assertThat(posting.list(shop.id(), DAY, 10)).extracting(PostedVoucher::key).contains("SALE|" + code + "|7004");

    // and back to DAY: the LINE-posted event is covered too
    schemes.setGranularity(shop.id(), VoucherGranularity.DAY);
    settled("C4", "INCOME", "7003", 2_260, "2026-11-20T23:30:00+08:00");
    assertThat(posting.post(shop.id(), DAY).posted()).isEqualTo(1);
    assertThat(posting.post(shop.id(), null).planned()).isZero();

    assertThat(ledgerEntriesOf("7004")).as("trade 7004's sale is in the ledger once").isEqualTo(3);
    assertThat(erp.receivables(code)).extracting(Receivable::channelOrderNo, Receivable::billedFen)
        .containsExactly(org.assertj.core.api.Assertions.tuple("7001", 11_300L), org.assertj.core.api.Assertions.tuple("7002", 5_000L),
            org.assertj.core.api.Assertions.tuple("7003", 2_260L), org.assertj.core.api.Assertions.tuple("7004", 1_130L));
    assertThat(jdbc.sql("select count(*) from finance_voucher_event where event_key like :p").param("p", "%|" + code + "|%")
        .query(Long.class).single()).isEqualTo(8);
    assertThat(erp.trialBalance().balanced()).isTrue();
    assertThat(audit.entries(AuditAction.RULE_CHANGE, null, "posting-granularity:" + shop.id().value(), null, null, 10))
        .as("each switch is audited").hasSize(2);
  }

  @Test
  void aFailedBatchIsRetriedUnderItsKeyWithTheSameEventsWhileLaterOnesGoIntoTheNextBatch() {
    exportedTrade("7101", 1_130, 0, "2026-11-20T09:00:00+08:00");
    exportedTrade("7102", 2_260, 0, "2026-11-20T09:30:00+08:00");
    schemes.set(shop.id(), PostingKind.SALE, new PostingSchemes.Change(null, "6009", null, null, false, null));

    VoucherPosting.PostingReport failed = posting.post(shop.id(), DAY);
    exportedTrade("7103", 3_390, 0, "2026-11-20T20:00:00+08:00");
    VoucherPosting.PostingReport stillFailing = posting.post(shop.id(), DAY);

    String batch1 = "SALE|" + code + "|2026-11-20|1";
    String batch2 = "SALE|" + code + "|2026-11-20|2";
    assertThat(failed.failures()).singleElement().satisfies(f -> assertThat(f.key()).isEqualTo(batch1));
    assertThat(stillFailing.failures()).extracting(VoucherPosting.Failure::key).containsExactly(batch1, batch2);
    assertThat(eventsOf(batch1)).containsExactly("SALE|" + code + "|7101", "SALE|" + code + "|7102");
    assertThat(eventsOf(batch2)).containsExactly("SALE|" + code + "|7103");

    schemes.reset(shop.id(), PostingKind.SALE);
    VoucherPosting.PostingReport fixed = posting.post(shop.id(), null);

    assertThat(fixed.posted()).isEqualTo(2);
    assertThat(posting.list(shop.id(), DAY, 10)).extracting(PostedVoucher::key, PostedVoucher::totalFen, PostedVoucher::attempts,
        PostedVoucher::status).containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple(batch1, 3_390L, 3, PostedVoucher.POSTED),
            org.assertj.core.api.Assertions.tuple(batch2, 3_390L, 2, PostedVoucher.POSTED));
    assertThat(eventsOf(batch1)).containsExactly("SALE|" + code + "|7101", "SALE|" + code + "|7102");
  }

  private List<String> eventsOf(String voucherKey) {
    return jdbc.sql("select event_key from finance_voucher_event where voucher_key = :k order by event_key").param("k", voucherKey)
        .query(String.class).list();
  }

  private long ledgerEntriesOf(String tid) {
    return jdbc.sql("select count(*) from erp_voucher_entry e join erp_voucher v on v.voucher_no = e.voucher_no"
        + " where v.shop_code = :shop and e.tid = :tid and e.account <> '1012' and v.voucher_key like 'SALE|%'")
        .param("shop", code).param("tid", tid).query(Long.class).single();
  }

  private void exportedTrade(String tid, long paymentFen, long postFeeFen, String exportedAt) {
    new MoneyRows(jdbc).exportedTrade(shop, tid, paymentFen, postFeeFen, exportedAt);
  }

  private void settled(String bid, String kind, String tid, long amountFen, String paidAt) {
    new MoneyRows(jdbc).settled(shop, code + bid, kind, tid, amountFen, paidAt);
  }

}
