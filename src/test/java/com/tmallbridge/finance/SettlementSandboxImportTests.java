package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.sandbox.tmall.SandboxBill;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxMoneyFault;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Sandbox → production client → import, on H2 and PostgreSQL: every bill line of the sandbox is
 * stored once with the kind and sign the mapping documents, and the injected money faults arrive
 * with the next import.
 */
@SpringBootTest(properties = "bridge.finance.safety-lag=0s")
@CleanDatabase
class SettlementSandboxImportTests extends SpringDatabaseTestBase {
  private static final long SEED = 4_242L;

  @Autowired FinanceManagement finance;
  @Autowired ShopManagement shops;

  private TmallSandbox sandbox;
  private Shop shop;

  @BeforeEach
  void setUp() {
    System.out.println("seed " + SEED);
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(SEED));
    sandbox.defaultShop().setAllQuantities(100_000);
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(300, now.minus(Duration.ofHours(30)), now.minus(Duration.ofMinutes(2)));
    var c = sandbox.credentials();
    shop = shops.add(new ShopRegistration("SB", "沙箱店", sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(31))));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void importsEverySandboxLineOnceWithItsKindAndSignAndThenTheInjectedFaults() {
    SettlementImportResult first = finance.importSettlements(shop.id());
    assertThat(first.error()).isNull();
    List<SandboxBill> truth = sandbox.bills();
    assertThat(truth).hasSizeGreaterThan(100);
    assertThat(first.inserted()).isEqualTo(truth.size());
    List<SettlementEntry> stored = finance.lines(shop.id(), null, null, 100_000);
    assertThat(stored).hasSize(truth.size());

    Map<Integer, Long> accounts = sandbox.defaultShop().billAccounts();
    Map<String, SettlementEntry> byBid = new HashMap<>();
    stored.forEach(line -> byBid.put(line.billId(), line));
    for (SandboxBill bill : truth) {
      SettlementEntry line = byBid.get(Long.toString(bill.bid()));
      assertThat(line).as("bill %s", bill.bid()).isNotNull();
      SettlementKind expected = switch (bill.accountType()) {
        case 2 -> bill.amountFen() < 0 ? SettlementKind.REFUND : bill.oid() == null ? SettlementKind.POST_FEE : SettlementKind.INCOME;
        case 3 -> SettlementKind.COMMISSION;
        case 4 -> SettlementKind.SERVICE_FEE;
        case 5 -> SettlementKind.POINTS;
        default -> SettlementKind.OTHER;
      };
      assertThat(line.kind()).isEqualTo(expected);
      assertThat(line.accountId()).isEqualTo(accounts.get(bill.accountType()));
      long fee = expected == SettlementKind.COMMISSION || expected == SettlementKind.POINTS || expected == SettlementKind.SERVICE_FEE
          ? -bill.amountFen() : bill.amountFen();
      assertThat(line.amountFen()).isEqualTo(fee);
      assertThat(line.paid()).isEqualTo(bill.paid());
      assertThat(line.payTime()).isEqualTo(bill.payTime());
      assertThat(line.bizTime()).isEqualTo(bill.bizTime());
      assertThat(line.tid()).isEqualTo(bill.tid() == null ? null : bill.tid().toString());
    }
    assertThat(stored).anyMatch(l -> !l.paid()).anyMatch(l -> l.kind() == SettlementKind.POST_FEE);

    SandboxTrade finished = sandbox.trades().stream().filter(t -> t.status().equals("TRADE_FINISHED")).findFirst().orElseThrow();
    SandboxMoneyFault fee = sandbox.injectFeeOutOfRate(finished.tid());
    SandboxMoneyFault unknown = sandbox.injectUnknownTradeSettlement();
    SettlementImportResult second = finance.importSettlements(shop.id());

    assertThat(second.error()).isNull();
    assertThat(second.inserted()).isEqualTo(fee.billIds().size() + 1);
    assertThat(finance.linesOfTrade(shop.id(), Long.toString(unknown.tid()))).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(SettlementKind.INCOME);
      assertThat(l.amountFen()).isEqualTo(unknown.amountFen());
      assertThat(l.paid()).isTrue();
    });
    long extraCommission = finance.linesOfTrade(shop.id(), Long.toString(finished.tid())).stream()
        .filter(l -> fee.billIds().contains(Long.parseLong(l.billId()))).mapToLong(SettlementEntry::amountFen).sum();
    assertThat(extraCommission).isEqualTo(-fee.amountFen());
  }
}
