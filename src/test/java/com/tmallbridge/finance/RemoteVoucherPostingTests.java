package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ErrorCode;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.VoucherSink;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Posting to a remote ERP: the ERP is called with no transaction open and the PENDING record
 * already committed; a lost answer becomes a FAILED record, and the retry finds the voucher the
 * ERP kept instead of posting a second one.
 */
@SpringBootTest(properties = "bridge.erp.active=fake-remote")
@Import(RemoteVoucherPostingTests.Remote.class)
class RemoteVoucherPostingTests extends SpringDatabaseTestBase {
  @Autowired ShopManagement shops;
  @Autowired VoucherPosting posting;
  @Autowired PostingSchemes schemes;
  @Autowired JdbcClient jdbc;
  @Autowired FakeRemoteErp erp;

  @TestConfiguration
  static class Remote {
    @Bean
    FakeRemoteErp fakeRemoteErp(JdbcClient jdbc) {
      return new FakeRemoteErp(jdbc);
    }
  }

  /** A remote ERP keeping vouchers by key; can lose the answer to the next post after applying it. */
  static final class FakeRemoteErp implements ErpConnector, VoucherSink {
    final Map<String, ErpDocNo> byKey = new ConcurrentHashMap<>();
    final List<Voucher> sent = new CopyOnWriteArrayList<>();
    final List<String> statusesSeenDuringCalls = new CopyOnWriteArrayList<>();
    final AtomicBoolean transactionSeen = new AtomicBoolean();
    final AtomicBoolean loseNextAnswer = new AtomicBoolean();
    final AtomicInteger numbers = new AtomicInteger();
    private final JdbcClient jdbc;

    FakeRemoteErp(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public String id() {
      return "fake-remote";
    }

    @Override
    public String displayName() {
      return "Fake remote ERP";
    }

    @Override
    public Health check() {
      return new Health(true, "fake");
    }

    @Override
    public ErpDocNo postVoucher(Voucher voucher) {
      transactionSeen.compareAndSet(false, TransactionSynchronizationManager.isActualTransactionActive());
      statusesSeenDuringCalls.add(jdbc.sql("select status from finance_voucher where voucher_key = :k").param("k", voucher.key())
          .query(String.class).single());
      sent.add(voucher);
      ErpDocNo no = byKey.computeIfAbsent(voucher.key(), k -> new ErpDocNo("R" + numbers.incrementAndGet()));
      if (loseNextAnswer.getAndSet(false)) {
        throw new ConnectorException(Lost.LOST, true, "timed out reading the answer");
      }
      return no;
    }

    @Override
    public Optional<ErpDocNo> findVoucher(String key) {
      return Optional.ofNullable(byKey.get(key));
    }
  }

  enum Lost implements ErrorCode {
    LOST;

    @Override
    public String code() {
      return "FAKE-001";
    }

    @Override
    public String description() {
      return "a lost answer";
    }
  }

  @Test
  void theErpIsCalledOutsideAnyTransactionAndALostAnswerIsRetriedIntoOneVoucher() {
    Shop shop = shops.add(new ShopRegistration("RM", "远程店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", null));
    schemes.setGranularity(shop.id(), VoucherGranularity.LINE); // one voucher per event, as the keys below assume
    OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
                                 erp_order_no, exported_at, first_seen_at, updated_at)
        values (:shop, '9001', 'WAIT_SELLER_SEND_GOODS', :at, :at, :at, true, 2260, 0, 'EXPORTED', 'R-SO', :at, :at, :at)""")
        .param("shop", shop.id().value()).param("at", at).update();
    erp.loseNextAnswer.set(true);

    VoucherPosting.PostingReport lost = posting.post(shop.id(), LocalDate.parse("2026-11-20"));
    VoucherPosting.PostingReport retried = posting.post(shop.id(), null);

    assertThat(lost.failures()).singleElement().satisfies(f -> assertThat(f.error()).contains("FAKE-001").contains("(retryable)"));
    assertThat(retried.posted()).isEqualTo(1);
    assertThat(erp.transactionSeen).as("a transaction was open during a remote call").isFalse();
    assertThat(erp.statusesSeenDuringCalls).containsExactly(PostedVoucher.PENDING, PostedVoucher.PENDING);
    assertThat(erp.byKey).containsOnlyKeys("SALE|RM|9001");
    assertThat(posting.list(shop.id(), null, 10)).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(PostedVoucher.POSTED);
      assertThat(r.erpVoucherNo()).isEqualTo("R1");
      assertThat(r.connector()).isEqualTo("fake-remote");
      assertThat(r.attempts()).isEqualTo(2);
    });
  }

  @Test
  void aSummaryVoucherWhoseAnswerWasLostIsSentAgainUnchangedAndLateEventsGoIntoTheNextBatch() {
    Shop shop = shops.add(new ShopRegistration("RD", "远程汇总店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", null));
    trade(shop, "9101", 2_260);
    trade(shop, "9102", 1_130);
    erp.loseNextAnswer.set(true);

    VoucherPosting.PostingReport lost = posting.post(shop.id(), LocalDate.parse("2026-11-20"));
    trade(shop, "9103", 3_390); // arrives after batch 1 was sent
    VoucherPosting.PostingReport retried = posting.post(shop.id(), null);

    assertThat(lost.failures()).singleElement().satisfies(f -> assertThat(f.key()).isEqualTo("SALE|RD|2026-11-20|1"));
    assertThat(retried.posted()).isEqualTo(2);
    assertThat(erp.transactionSeen).as("a transaction was open during a remote call").isFalse();
    List<Voucher> batch1 = erp.sent.stream().filter(v -> v.key().equals("SALE|RD|2026-11-20|1")).toList();
    assertThat(batch1).hasSize(2);
    assertThat(batch1.get(1)).as("the retry sends the same voucher").isEqualTo(batch1.get(0));
    assertThat(batch1.get(0).totalFen()).isEqualTo(3_390);
    assertThat(erp.byKey.keySet().stream().filter(k -> k.contains("|RD|"))).containsExactlyInAnyOrder("SALE|RD|2026-11-20|1",
        "SALE|RD|2026-11-20|2");
    assertThat(erp.sent.stream().filter(v -> v.key().equals("SALE|RD|2026-11-20|2")).toList()).singleElement()
        .satisfies(v -> assertThat(v.totalFen()).isEqualTo(3_390));
    assertThat(jdbc.sql("select voucher_key from finance_voucher_event where event_key like 'SALE|RD|%' order by event_key")
        .query(String.class).list()).containsExactly("SALE|RD|2026-11-20|1", "SALE|RD|2026-11-20|1", "SALE|RD|2026-11-20|2");
    assertThat(posting.post(shop.id(), null).planned()).isZero();
    // the fake ERP is shared with the other test, which counts its calls and numbers from R1
    erp.byKey.clear();
    erp.sent.clear();
    erp.statusesSeenDuringCalls.clear();
    erp.numbers.set(0);
  }

  private void trade(Shop shop, String tid, long paymentFen) {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
                                 erp_order_no, exported_at, first_seen_at, updated_at)
        values (:shop, :tid, 'WAIT_SELLER_SEND_GOODS', :at, :at, :at, true, :payment, 0, 'EXPORTED', 'R-SO', :at, :at, :at)""")
        .param("shop", shop.id().value()).param("tid", tid).param("payment", paymentFen).param("at", at).update();
  }
}
