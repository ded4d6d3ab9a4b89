package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/** What the import publishes for stock: PAID once on first queueing, CLOSED, REFUNDED before shipping. */
@SpringBootTest
@Import(TradeStockEventsIntegrationTests.Capture.class)
class TradeStockEventsIntegrationTests extends SpringDatabaseTestBase {
  @Autowired TradeImporter importer;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired Capture capture;

  private Shop shop;

  @TestConfiguration
  static class Capture {
    final List<TradeStockEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(TradeStockEvent e) {
      events.add(e);
    }

    @EventListener
    void on(TradesPaid page) {
      events.addAll(page.events());
    }
  }

  @BeforeEach
  void setUp() {
    shop = shops.findByCode("EV").orElseGet(() ->
        shops.add(new ShopRegistration("EV", "事件店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", null)));
    for (String code : List.of("EV-A", "EV-B")) {
      erp.capability(MaterialCatalog.class).upsertMaterial(new Material(new MaterialCode(code), code, "pcs", 100));
    }
    capture.events.clear();
  }

  private static ChannelTradeLine line(String oid, String code, int num, String status, String refund) {
    ChannelTradeLine l = TestTrades.line(oid, code, num, 1_000, 1_000, null);
    return new ChannelTradeLine(l.oid(), l.numIid(), l.skuId(), l.outerIid(), l.outerSkuId(), l.title(), l.skuPropertiesName(), l.num(),
        l.priceFen(), l.totalFeeFen(), l.paymentFen(), l.divideOrderFeeFen(), l.discountFeeFen(), l.adjustFeeFen(), status, refund);
  }

  private static ChannelTrade snapshot(String tid, String status, int second, ChannelTradeLine... lines) {
    return TestTrades.trade(tid, status, TestTrades.CREATED.plusSeconds(60), 2_000, 0, List.of(lines), TestTrades.CREATED.plusSeconds(second));
  }

  @Test
  void paidOnceThenRefundedLineThenClosed() {
    importer.importPage(shop, List.of(snapshot("91", "WAIT_SELLER_SEND_GOODS", 100,
        line("911", "EV-A", 2, "WAIT_SELLER_SEND_GOODS", "NO_REFUND"), line("912", "EV-B", 1, "WAIT_SELLER_SEND_GOODS", "NO_REFUND"))));
    assertThat(capture.events).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(TradeStockEvent.Kind.PAID);
      assertThat(e.lines()).extracting(TradeStockEvent.Line::oid, l -> l.material().value(), TradeStockEvent.Line::quantity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("911", "EV-A", 2), org.assertj.core.groups.Tuple.tuple("912", "EV-B", 1));
    });

    capture.events.clear();
    importer.importPage(shop, List.of(snapshot("91", "WAIT_SELLER_SEND_GOODS", 200,
        line("911", "EV-A", 2, "WAIT_SELLER_SEND_GOODS", "NO_REFUND"), line("912", "EV-B", 1, "TRADE_CLOSED", "SUCCESS"))));
    assertThat(capture.events).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(TradeStockEvent.Kind.REFUNDED);
      assertThat(e.lines()).extracting(TradeStockEvent.Line::oid).containsExactly("912");
    });

    capture.events.clear();
    importer.importPage(shop, List.of(snapshot("91", "TRADE_CLOSED", 300,
        line("911", "EV-A", 2, "TRADE_CLOSED", "SUCCESS"), line("912", "EV-B", 1, "TRADE_CLOSED", "SUCCESS"))));
    assertThat(capture.events).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(TradeStockEvent.Kind.CLOSED);
      assertThat(e.lines()).hasSize(2);
    });
  }

  @Test
  void aShippedLineRefundedLaterIsNotReleasedAndAReplayPublishesNoSecondPaid() {
    importer.importPage(shop, List.of(snapshot("92", "WAIT_SELLER_SEND_GOODS", 100, line("921", "EV-A", 1, "WAIT_SELLER_SEND_GOODS", "NO_REFUND"))));
    importer.importPage(shop, List.of(snapshot("92", "WAIT_SELLER_SEND_GOODS", 100, line("921", "EV-A", 1, "WAIT_SELLER_SEND_GOODS", "NO_REFUND"))));
    assertThat(capture.events).hasSize(1);
    importer.importPage(shop, List.of(snapshot("92", "WAIT_BUYER_CONFIRM_GOODS", 200,
        line("921", "EV-A", 1, "WAIT_BUYER_CONFIRM_GOODS", "SUCCESS"))));
    assertThat(capture.events).hasSize(1);
  }
}
