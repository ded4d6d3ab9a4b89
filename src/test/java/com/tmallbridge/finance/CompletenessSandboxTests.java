package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.finance.CompletenessReport.Gap;
import com.tmallbridge.finance.CompletenessReport.GapOutcome;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The completeness check against the Tmall sandbox (taobao.trades.sold.get through the production
 * client) and the built-in ERP: trades the bridge never pulled are found as gaps, re-fetched,
 * delivered and reported recovered; a second check finds none. On H2 and PostgreSQL.
 */
@SpringBootTest
@CleanDatabase
class CompletenessSandboxTests extends SpringDatabaseTestBase {
  @Autowired CompletenessManagement completeness;
  @Autowired OrderSync orderSync;
  @Autowired ShopManagement shops;
  @Autowired ProductManagement products;
  @Autowired ErpRegistry erp;

  private TmallSandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void paidTradesMissingFromTheErpAreReFetchedAndReportedRecovered() throws Exception {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(12));
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(15, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    Shop shop = shops.add(new ShopRegistration("CK", "完整店", sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(3))));
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    orderSync.runOnce();
    Set<Long> pulled = sandbox.trades().stream().map(SandboxTrade::tid).collect(Collectors.toSet());

    // trades the bridge misses: created after the pull, never pulled
    Instant todayStart = LocalDate.ofInstant(now, ReconciliationManagement.zone()).atStartOfDay(ReconciliationManagement.zone()).toInstant();
    Instant from = now.minus(Duration.ofHours(2)).isBefore(todayStart) ? todayStart : now.minus(Duration.ofHours(2));
    sandbox.generateHistory(8, from, from.plus(Duration.ofMinutes(20)));
    List<SandboxTrade> missed = sandbox.trades().stream()
        .filter(t -> !pulled.contains(t.tid()))
        .filter(t -> t.payTime() != null && !t.status().startsWith("TRADE_CLOSED"))
        .toList();
    assertThat(missed).as("the sandbox paid some of the new trades").isNotEmpty();
    LocalDate day = LocalDate.ofInstant(from, ReconciliationManagement.zone());
    Set<String> missedTids = missed.stream().map(t -> Long.toString(t.tid())).collect(Collectors.toSet());
    assertThat(missedTids).allSatisfy(tid -> assertThat(inErp(tid)).isFalse());

    CompletenessReport first = completeness.check(shop.id(), day);

    assertThat(first.gaps()).extracting(Gap::tid).containsExactlyInAnyOrderElementsOf(missedTids);
    assertThat(first.gaps()).extracting(Gap::outcome).containsOnly(GapOutcome.RECOVERED);
    assertThat(first.erpPaid()).isLessThanOrEqualTo(first.tmallPaid() - missed.size()); // paid, then closed before export: never in the ERP
    assertThat(missedTids).allSatisfy(tid -> assertThat(inErp(tid)).isTrue());
    assertThat(completeness.last(shop.id(), day)).hasValueSatisfying(r -> assertThat(r.recovered()).isEqualTo(missed.size()));

    CompletenessReport second = completeness.check(shop.id(), day);
    assertThat(second.gaps()).isEmpty();
    assertThat(second.tmallPaid()).isEqualTo(first.tmallPaid());
    assertThat(second.erpPaid()).isEqualTo(first.erpPaid() + missed.size());
  }

  private boolean inErp(String tid) {
    return erp.capability(SalesOrderQuery.class).findByChannelOrder("CK", new ChannelOrderNo(tid)).isPresent();
  }
}
