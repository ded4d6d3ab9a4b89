package com.tmallbridge.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link DeliveryFeed} and of {@link StockLedger#deliveredBetween}: parcels appear
 * oldest first with their lines, carrier and tracking number, after their stock left the
 * warehouse, page by page from an opaque cursor. Deliveries are made through {@link #shipInErp}.
 * Tests look only at this test's own orders and materials, so a shared ERP may hold other data.
 * Part of {@link ErpConnectorContract}.
 */
public interface DeliveryFeedContract extends ErpContractFixture {

  @Test
  default void splitParcelsAppearOldestFirstWithTheirLinesCarrierAndTracking() {
    DeliveryFeed feed = capability(DeliveryFeed.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo salesOrderNo = capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
    String cursor = endOf(feed);

    shipInErp(salesOrderNo, Map.of("oid-1", 1L, "oid-2", 1L), "ZTO", "ZT" + data().tag() + "1");
    shipInErp(salesOrderNo, Map.of("oid-1", 1L, "oid-3", 3L), "SF", "SF" + data().tag() + "2");

    List<ErpDelivery> mine = ofOrder(readAll(feed, cursor, 50), salesOrderNo);
    assertThat(mine).hasSize(2);
    ErpDelivery first = mine.get(0);
    assertThat(first.salesOrderNo()).isEqualTo(salesOrderNo);
    assertThat(first.shopCode()).isEqualTo(order.shopCode());
    assertThat(first.channelOrderNo()).isEqualTo(order.orderNo());
    assertThat(first.warehouse()).isEqualTo(stockWarehouse());
    assertThat(first.carrier()).isEqualTo("ZTO");
    assertThat(first.trackingNo()).isEqualTo("ZT" + data().tag() + "1");
    assertThat(first.lines()).extracting(ErpDelivery.Line::externalLineId, ErpDelivery.Line::material, ErpDelivery.Line::quantity)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("oid-1", order.lines().get(0).material(), 1L),
            org.assertj.core.groups.Tuple.tuple("oid-2", order.lines().get(1).material(), 1L));
    assertThat(mine.get(1).trackingNo()).isEqualTo("SF" + data().tag() + "2");
    assertThat(mine.get(1).lines()).extracting(ErpDelivery.Line::externalLineId).containsExactlyInAnyOrder("oid-1", "oid-3");
    assertThat(first.deliveryNo()).isNotEqualTo(mine.get(1).deliveryNo());
    assertThat(mine.get(1).shippedAt()).isAfterOrEqualTo(first.shippedAt());
  }

  @Test
  default void aBookedDeliveryIsTheFeedsAndBookingItsReferenceAgainBooksNothing() {
    DeliveryBooking booking = capability(DeliveryBooking.class);
    DeliveryFeed feed = capability(DeliveryFeed.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo salesOrderNo = capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
    String cursor = endOf(feed);
    String reference = "book-" + data().tag();

    ErpDelivery booked = booking.bookDelivery(salesOrderNo, stockWarehouse(), Map.of("oid-3", 2L), "YTO", "YT" + data().tag(), reference);
    ErpDelivery again = booking.bookDelivery(salesOrderNo, stockWarehouse(), Map.of("oid-3", 2L), "YTO", "YT" + data().tag(), reference);

    assertThat(again.deliveryNo()).isEqualTo(booked.deliveryNo());
    assertThat(ofOrder(readAll(feed, cursor, 50), salesOrderNo)).singleElement().satisfies(d -> {
      assertThat(d.deliveryNo()).isEqualTo(booked.deliveryNo());
      assertThat(d.trackingNo()).isEqualTo("YT" + data().tag());
      assertThat(d.lines()).extracting(ErpDelivery.Line::externalLineId, ErpDelivery.Line::quantity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("oid-3", 2L));
    });
  }

  @Test
  default void pagesHonourTheLimitAndResumeFromTheCursor() {
    DeliveryFeed feed = capability(DeliveryFeed.class);
    String cursor = endOf(feed);
    List<ErpDocNo> orders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SalesOrder order = orderOfThreeLines(data().orderNo());
      ErpDocNo salesOrderNo = capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
      shipInErp(salesOrderNo, Map.of("oid-2", 1L), "ZTO", "ZT" + data().tag() + i);
      orders.add(salesOrderNo);
    }

    List<ErpDelivery> seen = new ArrayList<>();
    for (int guard = 0; guard < 1000; guard++) {
      DeliveryPage page = feed.deliveriesAfter(cursor, 1);
      assertThat(page.deliveries()).hasSizeLessThanOrEqualTo(1);
      seen.addAll(page.deliveries());
      if (!page.more()) {
        assertThat(feed.deliveriesAfter(page.cursor(), 10).deliveries()).isEmpty();
        break;
      }
      cursor = page.cursor();
    }
    assertThat(seen).extracting(ErpDelivery::salesOrderNo).containsSubsequence(orders);
  }

  @Test
  default void anEmptyPageKeepsTheCursor() {
    DeliveryFeed feed = capability(DeliveryFeed.class);
    String end = endOf(feed);

    DeliveryPage page = feed.deliveriesAfter(end, 10);

    assertThat(page.deliveries()).isEmpty();
    assertThat(page.more()).isFalse();
    assertThat(page.cursor()).isEqualTo(end);
  }

  @Test
  default void shippingLowersOnHandAndCountsAsDelivered() {
    capability(DeliveryFeed.class);
    StockLedger ledger = capability(StockLedger.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    MaterialCode shipped = order.lines().get(2).material();
    ledger.book(stockWarehouse(), shipped, 10, "RECEIPT", "ct-" + data().tag() + "-in");
    ErpDocNo salesOrderNo = capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
    Instant before = Instant.now().minus(Duration.ofMinutes(5));

    shipInErp(salesOrderNo, Map.of("oid-3", 2L), "ZTO", "ZT" + data().tag());

    assertThat(ledger.onHand(shipped)).containsEntry(stockWarehouse(), 8L);
    assertThat(ledger.deliveredBetween(before, Instant.now().plus(Duration.ofMinutes(5))))
        .containsEntry(shipped, Map.of(stockWarehouse(), 2L));
  }

  @Test
  default void deliveredBetweenCountsShipmentsButNotAdjustmentsOrOtherPeriods() {
    StockLedger ledger = capability(StockLedger.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    MaterialCode material = order.lines().get(0).material();
    ledger.book(stockWarehouse(), material, 10, "RECEIPT", "ct-" + data().tag() + "-in");
    ledger.book(stockWarehouse(), material, -4, "ADJUSTMENT", "ct-" + data().tag() + "-loss");
    ErpDocNo salesOrderNo = capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
    Instant now = Instant.now();

    shipInErp(salesOrderNo, Map.of("oid-1", 2L), "ZTO", "ZT" + data().tag());

    assertThat(ledger.deliveredBetween(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))))
        .containsEntry(material, Map.of(stockWarehouse(), 2L));
    assertThat(ledger.deliveredBetween(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2))))
        .doesNotContainKey(material);
  }

  /** The cursor after every delivery the ERP holds now. */
  private static String endOf(DeliveryFeed feed) {
    String cursor = "";
    for (int guard = 0; guard < 100_000; guard++) {
      DeliveryPage page = feed.deliveriesAfter(cursor, 500);
      cursor = page.cursor();
      if (!page.more()) {
        return cursor;
      }
    }
    throw new AssertionError("the delivery feed never ended");
  }

  private static List<ErpDelivery> readAll(DeliveryFeed feed, String cursor, int limit) {
    List<ErpDelivery> all = new ArrayList<>();
    DeliveryPage page;
    do {
      page = feed.deliveriesAfter(cursor, limit);
      all.addAll(page.deliveries());
      cursor = page.cursor();
    } while (page.more());
    return all;
  }

  private static List<ErpDelivery> ofOrder(List<ErpDelivery> deliveries, ErpDocNo salesOrderNo) {
    return deliveries.stream().filter(d -> d.salesOrderNo().equals(salesOrderNo)).toList();
  }
}
