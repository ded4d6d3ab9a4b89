package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Receivable;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.MoneyRows;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vouchers end to end on the built-in ERP: exported trades and settled lines inserted directly,
 * posted per day, recorded, idempotent, a failure kept as a retryable record; and the scheme's
 * per-shop configuration with its audit entries.
 */
@SpringBootTest
class VoucherPostingIntegrationTests extends SpringDatabaseTestBase {
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");

  @Autowired ShopManagement shops;
  @Autowired PostingSchemes schemes;
  @Autowired VoucherPosting posting;
  @Autowired AuditManagement audit;
  @Autowired EmbeddedErpOperations erp;
  @Autowired JdbcClient jdbc;

  private Shop shop;

  @BeforeEach
  void setUp() {
    String code = "V" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    shop = shops.add(new ShopRegistration(code, "凭证店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", null));
    schemes.setGranularity(shop.id(), VoucherGranularity.LINE); // these tests post one voucher per event; DAY: DayVoucherPostingTests
  }

  @Test
  void aDayOfSalesAndSettlementsPostsBalancedVouchersOnceWithReceivablesPerOrder() {
    exportedTrade("5001", 11_300, 1_000, "2026-11-20T10:00:00+08:00");
    exportedTrade("5002", 5_000, 0, "2026-11-20T23:59:59+08:00");
    exportedTrade("5003", 7_000, 0, "2026-11-21T00:00:00+08:00"); // the next Tmall day
    settled("B1", "INCOME", "5001", 10_300, "2026-11-20T12:00:00+08:00");
    settled("B2", "COMMISSION", "5001", -515, "2026-11-20T12:00:00+08:00");
    settled("B3", "OTHER", null, -99, "2026-11-20T12:00:00+08:00");

    VoucherPosting.PostingReport first = posting.post(shop.id(), DAY);
    VoucherPosting.PostingReport again = posting.post(shop.id(), DAY);

    assertThat(first.planned()).isEqualTo(4);
    assertThat(first.posted()).isEqualTo(4);
    assertThat(first.failures()).isEmpty();
    assertThat(again.posted()).isZero();
    assertThat(again.alreadyPosted()).isEqualTo(4);
    assertThat(ledgerVouchers()).isEqualTo(4);
    List<PostedVoucher> records = posting.list(shop.id(), DAY, 100);
    assertThat(records).extracting(PostedVoucher::key).containsExactlyInAnyOrder("SALE|" + shop.code() + "|5001",
        "SALE|" + shop.code() + "|5002", "RCPT|" + shop.code() + "|B1", "COMM|" + shop.code() + "|B2");
    assertThat(records).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(PostedVoucher.POSTED);
      assertThat(r.erpVoucherNo()).startsWith("JV2026112");
      assertThat(r.attempts()).isEqualTo(1);
    });
    assertThat(erp.receivables(shop.code())).containsExactly(new Receivable("5001", null, 11_300, 10_300),
        new Receivable("5002", null, 5_000, 0));
    assertThat(erp.trialBalance().balanced()).isTrue();

    VoucherPosting.PostingReport rest = posting.post(shop.id(), null);
    assertThat(rest.planned()).as("up to now: only the next day's trade is left").isEqualTo(1);
    assertThat(rest.posted()).isEqualTo(1);
    assertThat(posting.post(shop.id(), null).planned()).isZero();
  }

  @Test
  void aDayPostsInSlicesOfKeysAndTheReadMethodsPageCountAndDetailTheRecords() {
    exportedTrade("5101", 11_300, 0, "2026-11-20T10:00:00+08:00");
    exportedTrade("5102", 2_260, 0, "2026-11-20T11:00:00+08:00");
    settled("B9", "INCOME", "5101", 11_300, "2026-11-20T12:00:00+08:00");
    String sale1 = "SALE|" + shop.code() + "|5101";
    String sale2 = "SALE|" + shop.code() + "|5102";
    String receipt = "RCPT|" + shop.code() + "|B9";
    assertThat(posting.unposted(shop.id(), DAY)).containsExactlyInAnyOrder(sale1, sale2, receipt);

    VoucherPosting.PostingReport slice = posting.post(shop.id(), DAY, List.of(sale2));

    assertThat(slice.planned()).isEqualTo(1);
    assertThat(slice.posted()).isEqualTo(1);
    assertThat(ledgerVouchers()).isEqualTo(1);
    assertThat(posting.unposted(shop.id(), DAY)).containsExactlyInAnyOrder(sale1, receipt);
    assertThat(posting.post(shop.id(), DAY, List.of(sale1, receipt, "SALE|X|nope")).posted()).isEqualTo(2);
    assertThat(posting.unposted(shop.id(), DAY)).isEmpty();

    assertThat(posting.count(List.of(shop.id()), DAY)).isEqualTo(3);
    assertThat(posting.count(List.of(shop.id()), DAY.plusDays(1))).isZero();
    assertThat(posting.count(List.of(), null)).isZero();
    assertThat(posting.page(List.of(shop.id()), null, 0, 2)).extracting(PostedVoucher::key).containsExactly(receipt, sale1);
    assertThat(posting.page(List.of(shop.id()), null, 2, 2)).extracting(PostedVoucher::key).containsExactly(sale2);
    var detail = posting.detail(sale1).orElseThrow();
    assertThat(detail.record().status()).isEqualTo(PostedVoucher.POSTED);
    assertThat(detail.entries()).extracting(e -> e.account() + " " + e.debitFen() + "/" + e.creditFen())
        .containsExactly("1122 11300/0", "6001 0/10000", "2221 0/1300");
    assertThat(posting.detail("SALE|" + shop.code() + "|none")).isEmpty();
  }

  @Test
  void aRefusedVoucherIsAFailedRecordThatTheNextPostRetriesAfterTheSchemeIsFixed() {
    exportedTrade("6001", 1_130, 0, "2026-11-20T09:00:00+08:00");
    schemes.set(shop.id(), PostingKind.SALE, new PostingSchemes.Change(null, "6009", null, null, false, null));

    VoucherPosting.PostingReport failed = posting.post(shop.id(), DAY);

    assertThat(failed.failures()).singleElement().satisfies(f -> assertThat(f.error()).contains("EMBEDDED-015").contains("6009"));
    assertThat(posting.list(shop.id(), DAY, 10)).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(PostedVoucher.FAILED);
      assertThat(r.erpVoucherNo()).isNull();
      assertThat(r.error()).contains("6009");
    });
    assertThat(ledgerVouchers()).isZero();

    schemes.reset(shop.id(), PostingKind.SALE);
    VoucherPosting.PostingReport retried = posting.post(shop.id(), null);

    assertThat(retried.posted()).isEqualTo(1);
    assertThat(posting.list(shop.id(), DAY, 10)).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(PostedVoucher.POSTED);
      assertThat(r.error()).isNull();
      assertThat(r.attempts()).isEqualTo(2);
    });
    assertThat(ledgerVouchers()).isEqualTo(1);
  }

  @Test
  void aShopsOwnRuleOverridesTheDefaultIsAuditedAndCanBeReset() {
    assertThat(schemes.show(shop.id())).hasSize(PostingKind.values().length).noneMatch(PostingSchemes.SchemeLine::shopOwn);
    assertThat(schemes.scheme(shop.id()).rule(PostingKind.SALE).vatRate()).isEqualByComparingTo("0.13");

    PostingRule changed = schemes.set(shop.id(), PostingKind.SALE, new PostingSchemes.Change(null, null, null, new BigDecimal("0.09"),
        false, "{shop} 订单 {tid}"));

    assertThat(changed.vatRate()).isEqualByComparingTo("0.09");
    assertThat(changed.debitAccount()).isEqualTo("1122");
    assertThat(schemes.scheme(shop.id()).rule(PostingKind.SALE)).isEqualTo(changed);
    assertThat(schemes.scheme(null).rule(PostingKind.SALE).vatRate()).as("the default is untouched").isEqualByComparingTo("0.13");
    assertThat(schemes.show(shop.id())).filteredOn(PostingSchemes.SchemeLine::shopOwn).extracting(l -> l.rule().kind())
        .containsExactly(PostingKind.SALE);
    String target = "posting-rule:" + shop.id().value() + "/SALE";
    List<AuditEntry> entries = audit.entries(AuditAction.RULE_CHANGE, null, target, null, null, 10);
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.before()).isNull();
      assertThat(e.after()).contains("VAT 2221@0.0900");
    });

    assertThat(schemes.set(shop.id(), PostingKind.SALE, new PostingSchemes.Change(null, null, null, null, false, null)))
        .as("no change, no audit entry").isEqualTo(changed);
    assertThat(schemes.reset(shop.id(), PostingKind.SALE)).isTrue();
    assertThat(schemes.reset(shop.id(), PostingKind.SALE)).isFalse();
    assertThat(audit.entries(AuditAction.RULE_CHANGE, null, target, null, null, 10)).hasSize(2);
    assertThat(schemes.scheme(shop.id()).rule(PostingKind.SALE).vatRate()).isEqualByComparingTo("0.13");
    assertThatThrownBy(() -> schemes.set(shop.id(), PostingKind.SALE, new PostingSchemes.Change(null, "1122", null, null, false, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
  }

  @Test
  void noVatRemovesTheSplitAndTheVoucherFollowsTheShopsRate() {
    schemes.set(shop.id(), PostingKind.SALE, new PostingSchemes.Change(null, null, null, null, true, null));
    exportedTrade("7001", 1_130, 0, "2026-11-20T09:00:00+08:00");

    var planned = posting.plan(shop.id(), DAY);

    assertThat(planned).singleElement().satisfies(v -> assertThat(v.entries()).extracting(e -> e.account())
        .containsExactly("1122", "6001"));
  }

  private long ledgerVouchers() {
    return jdbc.sql("select count(*) from erp_voucher where shop_code = :code").param("code", shop.code()).query(Long.class).single();
  }

  private void exportedTrade(String tid, long paymentFen, long postFeeFen, String exportedAt) {
    new MoneyRows(jdbc).exportedTrade(shop, tid, paymentFen, postFeeFen, exportedAt);
  }

  private void settled(String bid, String kind, String tid, long amountFen, String paidAt) {
    new MoneyRows(jdbc).settled(shop, bid, kind, tid, amountFen, paidAt);
  }

}
