package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.DeliveryFeed;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.order.TradeStockEvent;
import com.tmallbridge.product.Component;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The stock flow end to end with the built-in ERP, a fake Tmall and in-memory listings (H2 and PostgreSQL). */
@SpringBootTest
@Import(StockFakes.Beans.class)
class StockFlowIntegrationTests extends SpringDatabaseTestBase {
  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired StockSync sync;
  @Autowired StockManagement stock;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired StockFakes.FakeListings listings;
  @Autowired StockFakes.FakeTmall tmall;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ShopManagement shopManagement;
  @Autowired ReservationRepository reservations;
  @Autowired StateRepository state;
  @Autowired StockProperties properties;
  @Autowired Clock clock;

  private String prefix;

  @BeforeEach
  void fresh() {
    prefix = "T" + SEQ.incrementAndGet() + "-";
    tmall.calls.clear();
  }

  private Shop shop(String code) {
    return shops.add(new ShopRegistration(prefix + code, "店 " + code, "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", null));
  }

  private MaterialCode material(String code, long onHand) {
    MaterialCode m = new MaterialCode(prefix + code);
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(m, "m " + code, "pcs", 100));
    if (onHand != 0) {
      book(m, onHand, "RECEIPT");
    }
    return m;
  }

  private void book(MaterialCode m, long quantity, String reason) {
    erp.capability(StockLedger.class).book("WH01", m, quantity, reason, prefix + reason + "-" + m + "-" + SEQ.incrementAndGet());
  }

  private void publish(Shop shop, String tid, TradeStockEvent.Kind kind, TradeStockEvent.Line... lines) {
    new TransactionTemplate(transactions).executeWithoutResult(s ->
        events.publishEvent(new TradeStockEvent(shop.id(), tid, kind, List.of(lines), Instant.now())));
  }

  private static TradeStockEvent.Line line(String oid, String numIid, String skuId, MaterialCode m, int quantity) {
    return new TradeStockEvent.Line(oid, numIid, skuId, m, quantity);
  }

  private long shown(Shop shop, String numIid, String skuId) {
    return tmall.shown(shop.id().value(), numIid, skuId);
  }

  @Test
  void reservesOnPaymentReleasesOnCloseAndPushesOnlyChangedFigures() {
    Shop s = shop("A");
    MaterialCode a = material("A", 10);
    listings.add(s.id().value(), prefix + "100", "1", new Component(a, 1));
    sync.runFullPass();
    assertThat(shown(s, prefix + "100", "1")).isEqualTo(10);

    publish(s, prefix + "t1", TradeStockEvent.Kind.PAID, line("o1", prefix + "100", "1", a, 3));
    publish(s, prefix + "t1", TradeStockEvent.Kind.PAID, line("o1", prefix + "100", "1", a, 3));
    sync.runOnce();
    assertThat(shown(s, prefix + "100", "1")).isEqualTo(7);
    assertThat(reservations.openByMaterial(List.of(a))).containsEntry(a, 3L);

    int calls = tmall.calls.size();
    sync.runOnce();
    assertThat(tmall.calls).hasSize(calls);

    publish(s, prefix + "t1", TradeStockEvent.Kind.CLOSED, line("o1", prefix + "100", "1", a, 3));
    sync.runOnce();
    assertThat(shown(s, prefix + "100", "1")).isEqualTo(10);
    assertThat(stock.show(s.code(), null, null)).singleElement().satisfies(l -> {
      assertThat(l.reserved()).isZero();
      assertThat(l.wanted()).isEqualTo(10);
      assertThat(l.pushed()).isEqualTo(10);
      assertThat(l.pending()).isFalse();
    });
  }

  @Test
  void aSaleTmallDeductedIsPushedAgainThoughAReceiptBringsTheFigureBack() {
    Shop s = shop("S");
    MaterialCode a = material("S", 10);
    listings.add(s.id().value(), prefix + "150", "1", new Component(a, 1));
    sync.runFullPass();
    assertThat(shown(s, prefix + "150", "1")).isEqualTo(10);

    // Tmall deducts the sale itself; a receipt of as many units arrives before the next cycle
    tmall.quantities.put(StockFakes.FakeTmall.key(s.id(), prefix + "150", "1"), 7L);
    publish(s, prefix + "t15", TradeStockEvent.Kind.PAID, line("o1", prefix + "150", "1", a, 3));
    book(a, 3, "RECEIPT");
    sync.runOnce();

    assertThat(shown(s, prefix + "150", "1")).as("wanted is 10 again, as last pushed, but Tmall shows 7").isEqualTo(10);
  }

  @Test
  void unitsTmallGivesBackForAnUnpaidTradeArePushedOver() {
    Shop s = shop("U");
    MaterialCode a = material("U", 10);
    listings.add(s.id().value(), prefix + "160", "1", new Component(a, 1));
    sync.runFullPass();

    // 拍下减库存: Tmall took 2 units for an unpaid trade, a push set 10 again, then the trade closed unpaid
    tmall.quantities.put(StockFakes.FakeTmall.key(s.id(), prefix + "160", "1"), 12L);
    new TransactionTemplate(transactions).executeWithoutResult(t -> events.publishEvent(new com.tmallbridge.order.UnpaidTradeClosed(s.id(),
        prefix + "t16", List.of(new com.tmallbridge.order.UnpaidTradeClosed.Listing(prefix + "160", "1")), Instant.now())));
    sync.runOnce();

    assertThat(shown(s, prefix + "160", "1")).isEqualTo(10);
    assertThat(reservations.openByMaterial(List.of(a))).as("nothing reserved").doesNotContainKey(a);
  }

  @Test
  void refundBeforeShippingReleasesOnlyTheRefundedLine() {
    Shop s = shop("A");
    MaterialCode a = material("A", 10);
    MaterialCode b = material("B", 10);
    listings.add(s.id().value(), prefix + "200", "1", new Component(a, 1));
    listings.add(s.id().value(), prefix + "200", "2", new Component(b, 1));
    publish(s, prefix + "t2", TradeStockEvent.Kind.PAID, line("o1", prefix + "200", "1", a, 2), line("o2", prefix + "200", "2", b, 4));
    sync.runFullPass();
    assertThat(shown(s, prefix + "200", "1")).isEqualTo(8);
    assertThat(shown(s, prefix + "200", "2")).isEqualTo(6);

    publish(s, prefix + "t2", TradeStockEvent.Kind.REFUNDED, line("o2", prefix + "200", "2", b, 4));
    sync.runOnce();
    assertThat(shown(s, prefix + "200", "1")).isEqualTo(8);
    assertThat(shown(s, prefix + "200", "2")).isEqualTo(10);
  }

  @Test
  void erpDeliveryReleasesTheReservationOnlyAfterTheDeduction() {
    Shop s = shop("A");
    MaterialCode a = material("A", 10);
    listings.add(s.id().value(), prefix + "300", "1", new Component(a, 1));
    publish(s, prefix + "t3", TradeStockEvent.Kind.PAID, line("o1", prefix + "300", "1", a, 3));
    sync.runFullPass();
    assertThat(shown(s, prefix + "300", "1")).isEqualTo(7);

    // The ERP ships 2 of 3 units (split parcel), then the last one: on-hand falls first, the delivery appears after.
    book(a, -2, "DELIVERY");
    ScriptedDeliveries deliveries = new ScriptedDeliveries();
    ErpFeeds feeds = feedsOver(deliveries);
    deliveries.add(delivery(s, prefix + "t3", "D1", a, 2));
    assertThat(feeds.pollDeliveries()).isEqualTo(1);
    assertThat(reservations.openByMaterial(List.of(a))).containsEntry(a, 1L);
    sync.runOnce();
    assertThat(shown(s, prefix + "300", "1")).isEqualTo(7);

    book(a, -1, "DELIVERY");
    deliveries.add(delivery(s, prefix + "t3", "D2", a, 1));
    deliveries.add(delivery(s, prefix + "t3", "D2", a, 1));
    feeds.pollDeliveries();
    assertThat(reservations.openByMaterial(List.of(a))).doesNotContainKey(a);
    sync.runOnce();
    assertThat(shown(s, prefix + "300", "1")).isEqualTo(7);
  }

  @Test
  void twoShopsSharingOneMaterialNeverPublishMoreThanIsSellable() {
    Shop s1 = shop("A");
    Shop s2 = shop("B");
    MaterialCode a = material("A", 9);
    listings.add(s1.id().value(), prefix + "400", "1", new Component(a, 1));
    listings.add(s2.id().value(), prefix + "401", "", new Component(a, 1));
    listings.add(s2.id().value(), prefix + "402", "9", new Component(a, 2));
    sync.runFullPass();
    long units = shown(s1, prefix + "400", "1") + shown(s2, prefix + "401", "") + 2 * shown(s2, prefix + "402", "9");
    assertThat(units).isLessThanOrEqualTo(9).isGreaterThanOrEqualTo(7);
    assertThat(tmall.calls).anyMatch(c -> c.startsWith("item " + prefix + "401 null"));

    publish(s1, prefix + "t4", TradeStockEvent.Kind.PAID, line("o1", prefix + "400", "1", a, 5));
    sync.runOnce();
    units = shown(s1, prefix + "400", "1") + shown(s2, prefix + "401", "") + 2 * shown(s2, prefix + "402", "9");
    assertThat(units).isLessThanOrEqualTo(4);
  }

  @Test
  void rulesAndLocksShapeWhatEachShopShows() {
    Shop s1 = shop("A");
    Shop s2 = shop("B");
    MaterialCode a = material("A", 100);
    listings.add(s1.id().value(), prefix + "500", "1", new Component(a, 1));
    listings.add(s2.id().value(), prefix + "501", "1", new Component(a, 1));
    stock.putRule(new StockRule(s1.id(), "", "", null, 50, null, null, null, null, null));
    stock.putRule(new StockRule(s2.id(), prefix + "501", "", null, null, null, null, 30L, null, null));
    Instant now = clock.instant();
    stock.addLock(new PromotionLock(0, s2.id(), a, null, null, 80, now.minusSeconds(60), now.plus(Duration.ofHours(1)), "双11"));
    sync.runFullPass();
    assertThat(shown(s1, prefix + "500", "1")).isEqualTo(10);
    assertThat(shown(s2, prefix + "501", "1")).isEqualTo(30);

    assertThatThrownBy(() -> stock.putRule(new StockRule(s1.id(), "", "", null, 101, null, null, null, null, null)))
        .isInstanceOf(InvalidStockRuleException.class).hasMessageContaining("percent");
    assertThatThrownBy(() -> stock.addLock(new PromotionLock(0, s2.id(), a, null, null, 5, now, now, null)))
        .isInstanceOf(InvalidStockRuleException.class).hasMessageContaining("before its end");
  }

  @Test
  void aRejectedSkuIsIsolatedFromTheOthersInItsChunk() {
    Shop s = shop("A");
    MaterialCode a = material("A", 50);
    for (int i = 1; i <= 25; i++) {
      listings.add(s.id().value(), prefix + "600", "sku" + i, new Component(a, 1));
    }
    stock.putRule(new StockRule(s.id(), "", "", null, null, null, null, 1L, null, null));
    tmall.rejected.add("sku7");
    sync.runFullPass();
    for (int i = 1; i <= 25; i++) {
      assertThat(shown(s, prefix + "600", "sku" + i)).as("sku" + i).isEqualTo(i == 7 ? -1 : 1);
    }
    assertThat(stock.show(s.code(), "sku7", null)).singleElement().satisfies(l -> {
      assertThat(l.lastError()).contains("sku7");
      assertThat(l.pushed()).isNull();
    });
    tmall.calls.clear();
    sync.runOnce();
    assertThat(tmall.calls).isEmpty();

    tmall.rejected.clear();
    stock.push(s.code(), List.of(prefix + "600/sku7"));
    sync.runOnce();
    assertThat(shown(s, prefix + "600", "sku7")).isEqualTo(1);
    assertThat(tmall.calls).hasSize(1);
  }

  @Test
  void driftIsReportedAndCorrectedAndOversellFlagged() {
    Shop s = shop("A");
    MaterialCode a = material("A", 4);
    listings.add(s.id().value(), prefix + "700", "1", new Component(a, 1));
    sync.runFullPass();
    tmall.quantities.put(StockFakes.FakeTmall.key(s.id(), prefix + "700", "1"), 99L);

    StockManagement.CheckReport report = stock.check(s.code(), false);
    assertThat(report.drifts()).containsExactly(new Drift(s.code(), prefix + "700", "1", 99, 4));
    stock.check(s.code(), true);
    sync.runOnce();
    assertThat(stock.check(s.code(), false).drifts()).isEmpty();

    publish(s, prefix + "t7", TradeStockEvent.Kind.PAID, line("o1", prefix + "700", "1", a, 6));
    assertThat(stock.oversells(s.code(), 10)).singleElement().satisfies(o -> {
      assertThat(o.tid()).isEqualTo(prefix + "t7");
      assertThat(o.ordered()).isEqualTo(6);
      assertThat(o.sellable()).isEqualTo(4);
      assertThat(o.shortfall()).isEqualTo(2);
    });
    sync.runOnce();
    assertThat(shown(s, prefix + "700", "1")).isZero();
  }

  @Test
  void aPageOfPaidTradesReservesAndFlagsOversellsAsTheTradesOneByOneWould() {
    List<List<Object>> flaggedPerPage = new ArrayList<>();
    List<Map<MaterialCode, Long>> reservedPerPage = new ArrayList<>();
    for (boolean asPage : List.of(false, true)) {
      String p = asPage ? "page" : "single";
      Shop s = shop(p);
      MaterialCode a = material(p + "-A", 5);
      MaterialCode b = material(p + "-B", 2);
      List<TradeStockEvent> paid = List.of(
          new TradeStockEvent(s.id(), p + "t1", TradeStockEvent.Kind.PAID, List.of(line("o1", "1", "", a, 3)), Instant.now()),
          new TradeStockEvent(s.id(), p + "t2", TradeStockEvent.Kind.PAID,
              List.of(line("o1", "1", "", a, 2), line("o1", "1", "", a, 1), line("o2", "2", "", b, 1)), Instant.now()),
          new TradeStockEvent(s.id(), p + "t1", TradeStockEvent.Kind.PAID, List.of(line("o1", "1", "", a, 3)), Instant.now()),
          new TradeStockEvent(s.id(), p + "t3", TradeStockEvent.Kind.PAID, List.of(line("o1", "2", "", b, 2)), Instant.now()));
      new TransactionTemplate(transactions).executeWithoutResult(st -> {
        if (asPage) {
          events.publishEvent(new com.tmallbridge.order.TradesPaid(paid));
        } else {
          paid.forEach(events::publishEvent);
        }
      });
      flaggedPerPage.add(stock.oversells(s.code(), 10).stream()
          .map(o -> List.of(o.tid().substring(p.length()), o.material().substring(prefix.length() + p.length()), o.ordered(), o.sellable(),
              o.shortfall()))
          .sorted(java.util.Comparator.comparing(Object::toString)).map(o -> (Object) o).toList());
      reservedPerPage.add(Map.of(new MaterialCode("A"), reservations.openByMaterial(List.of(a)).get(a),
          new MaterialCode("B"), reservations.openByMaterial(List.of(b)).get(b)));
    }
    assertThat(flaggedPerPage.get(1)).isEqualTo(flaggedPerPage.get(0))
        .containsExactly(List.of("t2", "-A", 3L, 2L, 1L), List.of("t3", "-B", 2L, 1L, 1L));
    assertThat(reservedPerPage.get(1)).isEqualTo(reservedPerPage.get(0)).containsEntry(new MaterialCode("A"), 6L)
        .containsEntry(new MaterialCode("B"), 3L);
  }

  private ErpDelivery delivery(Shop s, String tid, String no, MaterialCode m, long quantity) {
    return new ErpDelivery(new ErpDocNo(no), new ErpDocNo("SO-" + tid), s.code(), new ChannelOrderNo(tid), "WH01", null, null, Instant.now(),
        List.of(new ErpDelivery.Line("o1", m, quantity)));
  }

  /** An ERP that is the built-in one for stock plus a scripted delivery feed. */
  private ErpFeeds feedsOver(ScriptedDeliveries deliveries) {
    StockLedger ledger = erp.capability(StockLedger.class);
    ErpConnector withFeed = new DeliveringErp(prefix + "erp", ledger, deliveries);
    ErpRegistry registry = new ErpRegistry(List.of(withFeed), withFeed.id());
    return new ErpFeeds(registry, shopManagement, reservations, state, properties, transactions, clock);
  }

  static final class ScriptedDeliveries {
    final List<ErpDelivery> all = new ArrayList<>();

    void add(ErpDelivery d) {
      all.add(d);
    }
  }

  private record DeliveringErp(String id, StockLedger ledger, ScriptedDeliveries deliveries)
      implements ErpConnector, StockLedger, DeliveryFeed {
    @Override
    public String displayName() {
      return id;
    }

    @Override
    public Health check() {
      return new Health(true, "ok");
    }

    @Override
    public DeliveryPage deliveriesAfter(String cursor, int limit) {
      int from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      List<ErpDelivery> page = deliveries.all.subList(from, Math.min(deliveries.all.size(), from + limit));
      return new DeliveryPage(page, Integer.toString(from + page.size()), from + page.size() < deliveries.all.size());
    }

    @Override
    public void book(String warehouse, MaterialCode material, long quantity, String reason, String reference) {
      ledger.book(warehouse, material, quantity, reason, reference);
    }

    @Override
    public Map<String, Long> onHand(MaterialCode material) {
      return ledger.onHand(material);
    }

    @Override
    public Map<MaterialCode, Map<String, Long>> onHand(Collection<MaterialCode> materials) {
      return ledger.onHand(materials);
    }

    @Override
    public List<String> warehouses() {
      return ledger.warehouses();
    }

    @Override
    public StockChanges changesAfter(String cursor, int limit) {
      return ledger.changesAfter(cursor, limit);
    }

    @Override
    public Map<MaterialCode, Map<String, Long>> deliveredBetween(Instant from, Instant to) {
      return ledger.deliveredBetween(from, to);
    }
  }
}
