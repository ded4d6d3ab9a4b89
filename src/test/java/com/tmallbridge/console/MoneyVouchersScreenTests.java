package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.tmallbridge.console.job.ConsoleJobs;
import com.tmallbridge.console.job.JobState;
import com.tmallbridge.console.job.JobView;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Receivable;
import com.tmallbridge.finance.PostedVoucher;
import com.tmallbridge.finance.PostingKind;
import com.tmallbridge.finance.PostingSchemes;
import com.tmallbridge.finance.VoucherGranularity;
import com.tmallbridge.finance.VoucherPosting;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.testsupport.MoneyRows;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * 财务 · 凭证: the list of posting records per shop and Tmall day with status, ERP number, attempts,
 * totals and a failure's error; one voucher with its entries; the scheme in force with each rule's
 * source; the built-in ERP's trial balance; "post this day" as an admin's console job that lands in
 * the ERP's general ledger and retries the failed; auditors read only, operators nothing, another
 * shop's voucher 404.
 */
class MoneyVouchersScreenTests extends ConsoleWebTestBase {
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired VoucherPosting posting;
  @Autowired PostingSchemes schemes;
  @Autowired EmbeddedErpOperations erp;
  @Autowired ConsoleJobs jobs;

  @Test
  void theListShowsEachRecordWithItsStatusTotalAndTheFailedOnesErrorFilteredByShopAndDay() throws Exception {
    Shop a = lineShop("VS1");
    Shop b = lineShop("VS2");
    seedPosted(a, b);

    String all = html(get("/money/vouchers").param("lang", "en"), principal(Role.AUDITOR));
    assertThat(all).contains("SALE|VS1|7001", "SALE|VS1|7002", "RCPT|VS1|B1", "SALE|VS2|7101")
        .contains("¥113.00", "¥103.00", "¥22.60", "JV20261120").contains("data-status=\"FAILED\"").contains("data-status=\"POSTED\"")
        .contains("5 voucher(s)").contains("data-status=\"PENDING\"").contains("RFND|VS1|R1").contains("id=\"trial-balance\"").contains("Built-in ERP trial balance: debits ¥266.00, credits ¥266.00, balanced")
        .doesNotContain("id=\"voucher-post\"");
    assertThat(all).as("the failure's error is on its row").containsPattern("class=\"voucher-error\">[^<]*6009");

    String filtered = html(get("/money/vouchers").param("shop", "VS1").param("date", "2026-11-20").param("lang", "en"),
        principal(Role.AUDITOR));
    assertThat(filtered).contains("SALE|VS1|7001", "RCPT|VS1|B1", "2 voucher(s)").doesNotContain("SALE|VS1|7002").doesNotContain("VS2|7101")
        .doesNotContain("data-status=\"FAILED\"");
    assertThat(filtered).as("VS1 has no rule of its own").contains("data-kind=\"SALE\" data-source=\"default\"")
        .contains("Posting scheme (VS1)");
    assertThat(html(get("/money/vouchers").param("shop", "VS2"), principal(Role.AUDITOR)))
        .contains("data-kind=\"SALE\" data-source=\"shop\"").contains("data-kind=\"RECEIPT\" data-source=\"default\"").contains("6009");

    var onlyA = principal("aud-vs", Role.AUDITOR, ShopScope.only(only(a)));
    assertThat(html(get("/money/vouchers"), onlyA)).contains("SALE|VS1|7001").doesNotContain("VS2|7101")
        .as("the trial balance sums every shop's ledger").doesNotContain("id=\"trial-balance\"");
    assertThat(status(get("/money/vouchers").param("shop", "VS2"), onlyA)).isEqualTo(404);
    assertThat(status(get("/money/vouchers/voucher").param("key", "SALE|VS2|7101"), onlyA)).isEqualTo(404);
    assertThat(status(get("/money/vouchers/voucher").param("key", "SALE|VS1|nope"), onlyA)).isEqualTo(404);
  }

  @Test
  void aVoucherShowsItsEntriesWithAccountNamesAndEqualTotalsAndAFailedOneItsError() throws Exception {
    Shop a = lineShop("VS1");
    Shop b = lineShop("VS2");
    seedPosted(a, b);

    String sale = html(get("/money/vouchers/voucher").param("key", "SALE|VS1|7001").param("lang", "en"), principal(Role.AUDITOR));
    assertThat(sale).contains("id=\"voucher-status\"").contains("JV20261120").contains("general ledger")
        .contains("<td>1122</td><td>应收账款</td>").contains("<td>6001</td><td>主营业务收入</td>").contains("<td>2221</td>")
        .contains("id=\"entries-debit\">¥113.00<").contains("id=\"entries-credit\">¥113.00<").doesNotContain("id=\"voucher-error\"");
    assertThat(sale.split("class=\"entry\"", -1)).as("three entries: receivable, revenue, output VAT").hasSize(4);

    String failed = html(get("/money/vouchers/voucher").param("key", "SALE|VS2|7101").param("lang", "en"), principal(Role.ADMIN));
    assertThat(failed).containsPattern("id=\"voucher-error\">[^<]*6009").contains("posting scheme in force plans")
        .contains("<td>6009</td><td></td>").contains("id=\"entries-debit\">¥22.60<").contains("id=\"entries-credit\">¥22.60<");
  }

  @Test
  void aSummaryVoucherPostedByTheDaysJobShowsItsCountTotalsAndSumsPerAccountWithItsEntriesPaged() throws Exception {
    Shop shop = shop("VS8"); // granularity DAY, the default
    for (int i = 0; i < 230; i++) {
      rows().exportedTrade(shop, "9" + (1000 + i), 1_130, 0, "2026-11-20T10:00:00+08:00");
    }
    long before = lastJobId();

    mvc.perform(post("/money/vouchers/post").param("shop", "VS8").param("date", "2026-11-20").with(csrf())
        .with(user(principal(Role.ADMIN)))).andReturn();

    var job = await().atMost(WAIT).until(() -> newJobs(before), l -> !l.isEmpty() && !l.get(0).running()).get(0);
    assertThat(job.state()).isEqualTo(JobState.DONE);
    assertThat(job.note()).isEqualTo("1 posted, 0 failed");
    String key = "SALE|VS8|2026-11-20|1";
    String first = html(get("/money/vouchers/voucher").param("key", key).param("lang", "en"), principal(Role.ADMIN));
    assertThat(first).contains("690 entries, debits ¥2,599.00, credits ¥2,599.00").contains("Entries page 1 of 7")
        .contains("id=\"entries-debit\">¥2,599.00<").contains("天猫 2026-11-20 销售收入汇总（230 笔）")
        .contains("<td>1122</td><td>应收账款</td>");
    assertThat(first.split("class=\"entry\"", -1)).as("one page of entries").hasSize(101);
    assertThat(first.split("class=\"account-sum\"", -1)).as("1122, 2221, 6001").hasSize(4);
    String last = html(get("/money/vouchers/voucher").param("key", key).param("page", "6").param("lang", "zh-CN"), principal(Role.ADMIN));
    assertThat(last.split("class=\"entry\"", -1)).hasSize(91);
    assertThat(last).contains("分录第 7 页，共 7 页").contains("690 条分录");
  }

  @Test
  void anAdminPostsTheDayAsAJobIntoTheErpsLedgerRetryingTheFailedAndItIsAudited() throws Exception {
    Shop shop = lineShop("VS3");
    rows().exportedTrade(shop, "8001", 11_300, 0, "2026-11-20T10:00:00+08:00");
    rows().exportedTrade(shop, "8002", 5_650, 0, "2026-11-20T20:00:00+08:00");
    rows().exportedTrade(shop, "8003", 1_000, 0, "2026-11-21T10:00:00+08:00"); // another day: not posted
    rows().settled(shop, "C1", "INCOME", "8001", 11_300, "2026-11-20T15:00:00+08:00");
    schemes.set(shop.id(), PostingKind.RECEIPT, new PostingSchemes.Change("6009", null, null, null, false, null));
    assertThat(posting.post(shop.id(), DAY).failures()).singleElement().satisfies(f -> assertThat(f.key()).isEqualTo("RCPT|VS3|C1"));
    schemes.reset(shop.id(), PostingKind.RECEIPT);
    jdbc.sql("delete from finance_voucher where voucher_key <> 'RCPT|VS3|C1'").update();
    jdbc.sql("delete from erp_voucher_entry").update();
    jdbc.sql("delete from erp_receivable").update();
    jdbc.sql("delete from erp_voucher").update();
    assertThat(ledgerVouchers(shop)).isZero();
    long before = lastJobId();

    MockHttpServletResponse response = mvc.perform(post("/money/vouchers/post").param("shop", "VS3").param("date", "2026-11-20")
        .with(csrf()).with(user(principal(Role.ADMIN)))).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).isEqualTo("/money/vouchers?shop=VS3&date=2026-11-20");
    var job = await().atMost(WAIT).until(() -> newJobs(before), l -> !l.isEmpty() && !l.get(0).running()).get(0);
    assertThat(job.shopCode()).isEqualTo("VS3");
    assertThat(job.state()).isEqualTo(JobState.DONE);
    assertThat(job.total()).isEqualTo(3);
    assertThat(job.note()).isEqualTo("3 posted, 0 failed");
    assertThat(ledgerVouchers(shop)).as("the ERP's general ledger holds the day's vouchers").isEqualTo(3);
    assertThat(erp.receivables("VS3")).containsExactly(new Receivable("8001", null, 11_300, 11_300), new Receivable("8002", null, 5_650, 0));
    assertThat(erp.trialBalance().balanced()).isTrue();
    assertThat(posting.list(shop.id(), DAY, 10)).filteredOn(v -> v.key().equals("RCPT|VS3|C1")).singleElement().satisfies(v -> {
      assertThat(v.status()).isEqualTo(PostedVoucher.POSTED);
      assertThat(v.attempts()).as("the failed voucher was retried").isEqualTo(2);
    });
    assertThat(jdbc.sql("select actor || ' ' || target || ' ' || outcome from audit_entry where action = 'JOB' order by seq")
        .query(String.class).list()).containsExactly("admin job:voucher-post:VS3 STARTED", "admin job:voucher-post:VS3 DONE");

    String page = html(get("/money/vouchers").param("shop", "VS3").param("date", "2026-11-20").param("lang", "en"), principal(Role.ADMIN));
    assertThat(page).contains("id=\"voucher-post\"").contains("Post this day (VS3)").contains("class=\"job\"").contains("3 / 3");
  }

  @Test
  void withoutAShopEachOfTheAdminsShopsGetsAJobAndABadDayIsRefused() throws Exception {
    Shop a = lineShop("VS5");
    Shop b = lineShop("VS6");
    Shop outside = lineShop("VS7");
    rows().exportedTrade(a, "9501", 1_130, 0, "2026-11-20T10:00:00+08:00");
    rows().exportedTrade(b, "9601", 2_260, 0, "2026-11-20T10:00:00+08:00");
    rows().exportedTrade(outside, "9701", 3_390, 0, "2026-11-20T10:00:00+08:00");
    var scoped = principal("adm-vs", Role.ADMIN, ShopScope.only(java.util.Set.of(a.id(), b.id())));

    long before = lastJobId();
    var bad = mvc.perform(post("/money/vouchers/post").param("date", "20.11.2026").with(csrf()).with(user(scoped))).andReturn();
    assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/money/vouchers");
    assertThat(bad.getFlashMap().get("problem")).isEqualTo("date '20.11.2026' is not a date: give it as yyyy-MM-dd");
    assertThat(newJobs(before)).isEmpty();

    mvc.perform(post("/money/vouchers/post").param("shop", "").param("date", "2026-11-20").with(csrf()).with(user(scoped)));

    var started = await().atMost(WAIT).until(() -> newJobs(before), l -> l.size() == 2 && l.stream().noneMatch(j -> j.running()));
    assertThat(started).extracting(JobView::shopCode).containsExactlyInAnyOrder("VS5", "VS6");
    assertThat(ledgerVouchers(a)).isEqualTo(1);
    assertThat(ledgerVouchers(b)).isEqualTo(1);
    assertThat(ledgerVouchers(outside)).as("a shop outside the admin's scope is not posted").isZero();
    assertThat(status(post("/money/vouchers/post").param("shop", "VS7").param("date", "2026-11-20").with(csrf()), scoped)).isEqualTo(404);
  }

  @Test
  void anAuditorMayNotPostAndAnOperatorMayNotRead() throws Exception {
    Shop shop = lineShop("VS4");
    long before = lastJobId();
    rows().exportedTrade(shop, "9001", 11_300, 0, "2026-11-20T10:00:00+08:00");

    assertThat(mvc.perform(post("/money/vouchers/post").param("shop", "VS4").param("date", "2026-11-20").with(csrf())
        .with(user(principal(Role.AUDITOR)))).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(status(get("/money/vouchers"), principal(Role.OPERATOR))).isEqualTo(403);
    assertThat(status(get("/money/vouchers/voucher").param("key", "SALE|VS4|9001"), principal(Role.OPERATOR))).isEqualTo(403);
    assertThat(mvc.perform(post("/money/vouchers/post").param("shop", "VS4").param("date", "2026-11-20").with(csrf())
        .with(user(principal(Role.OPERATOR)))).andReturn().getResponse().getStatus()).isEqualTo(403);

    assertThat(newJobs(before)).isEmpty();
    assertThat(ledgerVouchers(shop)).isZero();
    assertThat(posting.list(shop.id(), null, 10)).isEmpty();
  }

  /** A shop posting one voucher per event (granularity LINE), which these tests' keys and counts assume. */
  private Shop lineShop(String code) {
    Shop s = shop(code);
    schemes.setGranularity(s.id(), VoucherGranularity.LINE);
    return s;
  }

  /** VS1: two sales on two days and a receipt, posted, and a refund being sent to a remote ERP (PENDING); VS2: a sale refused by the ERP (account 6009 is not in its chart). */
  private void seedPosted(Shop a, Shop b) {
    rows().exportedTrade(a, "7001", 11_300, 0, "2026-11-20T10:00:00+08:00");
    rows().exportedTrade(a, "7002", 5_000, 0, "2026-11-21T10:00:00+08:00");
    rows().exportedTrade(b, "7101", 2_260, 0, "2026-11-20T11:00:00+08:00");
    rows().settled(a, "B1", "INCOME", "7001", 10_300, "2026-11-20T12:00:00+08:00");
    schemes.set(b.id(), PostingKind.SALE, new PostingSchemes.Change(null, "6009", null, null, false, null));
    assertThat(posting.post(a.id(), DAY).posted()).isEqualTo(2);
    assertThat(posting.post(a.id(), DAY.plusDays(1)).posted()).isEqualTo(1);
    assertThat(posting.post(b.id(), DAY).failures()).hasSize(1);
    jdbc.sql("""
        insert into finance_voucher (voucher_key, shop_id, kind, voucher_date, explanation, total_fen, connector, status, attempts,
                                     created_at, updated_at)
        values ('RFND|VS1|R1', :shop, 'REFUND', '2026-11-22', '退款 R1', 4200, 'tryton', 'PENDING', 1, :now, :now)""")
        .param("shop", a.id().value()).param("now", OffsetDateTime.parse("2026-11-22T10:00:00+08:00")).update();
  }

  private String html(org.springframework.test.web.servlet.RequestBuilder request, ConsolePrincipal who) throws Exception {
    MockHttpServletResponse response = mvc.perform(((org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request)
        .with(user(who))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, ConsolePrincipal who)
      throws Exception {
    return mvc.perform(request.with(user(who))).andReturn().getResponse().getStatus();
  }

  /** The newest job id so far (jobs outlive a test: the context, and its job runner, are cached). */
  private long lastJobId() {
    return jobs.list(null).stream().mapToLong(JobView::id).max().orElse(0);
  }

  private List<JobView> newJobs(long after) {
    return jobs.list(null).stream().filter(j -> j.id() > after).toList();
  }

  private long ledgerVouchers(Shop shop) {
    return jdbc.sql("select count(*) from erp_voucher where shop_code = :code").param("code", shop.code()).query(Long.class).single();
  }

  private MoneyRows rows() {
    return new MoneyRows(jdbc);
  }
}
