package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxParcel;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's independent shipment and after-sale checks find each kind of problem and nothing else. */
class ShipmentAndAfterSaleCheckTests {
  private static final Instant T = Instant.parse("2026-11-11T00:00:00Z");
  private static final ErpDocNo SO = new ErpDocNo("SO1");
  private static final long TID = 100;
  private static final MaterialCode M = new MaterialCode("M1");

  private static ErpDelivery delivery(String tid, Instant at, String waybill, String... lineIds) {
    List<ErpDelivery.Line> lines = java.util.Arrays.stream(lineIds).map(id -> new ErpDelivery.Line(id, M, 1)).toList();
    return new ErpDelivery(new ErpDocNo("DL-" + tid + "-" + waybill), SO, "T1", new ChannelOrderNo(tid), "WH01", "SF", waybill, at, lines);
  }

  private static SandboxParcel parcel(String waybill, Long... oids) {
    return new SandboxParcel(TID, "SF", "顺丰速运", waybill, List.of(oids), T);
  }

  private static ShipmentCheck.Result shipments(List<ErpDelivery> deliveries, List<SandboxParcel> parcels, SandboxRefund... refunds) {
    return new ShipmentCheck().compare(deliveries, parcels, List.of(refunds));
  }

  /** The problem counts of a shipment check that are not 0. */
  private static Map<String, Long> problems(ShipmentCheck.Result r) {
    Map<String, Long> all = new java.util.LinkedHashMap<>();
    all.put("notWrittenBack", r.notWrittenBack());
    all.put("unknownOnTmall", r.unknownOnTmall());
    all.put("shippedAfterRequest", r.shippedAfterRequest());
    all.values().removeIf(v -> v == 0);
    return all;
  }

  @Test
  void parcelsTmallShowsAsTheErpShippedThemPass() {
    List<ErpDelivery> shipped = List.of(delivery("100", T, "SF1", "1001", "1002#1", "gift-7"), delivery("100", T, "SF2", "1003"),
        delivery("100-X5", T, "SF3", "1001"));

    ShipmentCheck.Result r = shipments(shipped, List.of(parcel("SF1", 1001L, 1002L), parcel("SF2", 1003L)));

    assertThat(problems(r)).isEmpty();
    assertThat(r.deliveries()).isEqualTo(3);
    assertThat(r.ofTmallSubOrders()).as("the replacement order is no Tmall parcel").isEqualTo(2);
    assertThat(r.tmallParcels()).isEqualTo(2);
    assertThat(r.splitTrades()).isEqualTo(1);
  }

  @Test
  void aParcelNotWrittenBackIsCounted() {
    List<ErpDelivery> shipped = List.of(delivery("100", T, "SF1", "1001", "1002#1"), delivery("100", T, "SF2", "1003"));

    ShipmentCheck.Result r = shipments(shipped, List.of(parcel("SF1", 1001L, 1002L)));

    assertThat(problems(r)).containsExactly(Map.entry("notWrittenBack", 1L));
    assertThat(r.samples()).singleElement().asString().contains("[1003]");
  }

  @Test
  void aSubOrderLeftOutOfTheWriteBackIsNotWrittenBack() {
    ShipmentCheck.Result r = shipments(List.of(delivery("100", T, "SF1", "1001", "1002#1")), List.of(parcel("SF1", 1001L)));

    assertThat(problems(r)).containsExactly(Map.entry("notWrittenBack", 1L));
    assertThat(r.samples()).singleElement().asString().contains("[1002]");
  }

  @Test
  void aTmallParcelWithAWrongWaybillOrASubOrderTheErpKeptIsUnknown() {
    List<ErpDelivery> shipped = List.of(delivery("100", T, "SF1", "1001"));

    assertThat(problems(shipments(shipped, List.of(parcel("SF1", 1001L), parcel("SF9", 1001L)))))
        .as("wrong waybill").containsExactly(Map.entry("unknownOnTmall", 1L));
    assertThat(problems(shipments(shipped, List.of(parcel("SF1", 1001L, 1002L)))))
        .as("a sub-order that never left").containsExactly(Map.entry("unknownOnTmall", 1L));
  }

  @Test
  void aParcelThatLeftAfterARefundRequestBeforeShippingIsCounted() {
    SandboxRefund waiting = onsale(1, "WAIT_SELLER_AGREE", null);
    SandboxRefund succeeded = onsale(2, "SUCCESS", T.plusSeconds(5));
    SandboxRefund refused = onsale(3, "CLOSED", T.plusSeconds(10));
    List<SandboxParcel> shown = List.of(parcel("SF1", 1001L));

    assertThat(problems(shipments(List.of(delivery("100", T.minusSeconds(1), "SF1", "1001")), shown, waiting)))
        .as("left before the request").isEmpty();
    assertThat(problems(shipments(List.of(delivery("100", T.plusSeconds(3), "SF1", "1001")), shown, waiting)))
        .as("left while it waited").containsExactly(Map.entry("shippedAfterRequest", 1L));
    assertThat(problems(shipments(List.of(delivery("100", T.plusSeconds(30), "SF1", "1001")), shown, succeeded)))
        .as("left after it succeeded").containsExactly(Map.entry("shippedAfterRequest", 1L));
    assertThat(problems(shipments(List.of(delivery("100", T.plusSeconds(3), "SF1", "1001")), shown, refused)))
        .as("left before the refusal").containsExactly(Map.entry("shippedAfterRequest", 1L));
    assertThat(problems(shipments(List.of(delivery("100", T.plusSeconds(11), "SF1", "1001")), shown, refused)))
        .as("left after the refusal, though the case closed later").isEmpty();
    assertThat(problems(shipments(List.of(delivery("100", T.plusSeconds(3), "SF1", "1002")),
        List.of(parcel("SF1", 1002L)), waiting))).as("another sub-order").isEmpty();
  }

  private static SandboxRefund onsale(long id, String status, Instant waitEnded) {
    return new SandboxRefund(id, TID, 1001, RefundKind.REFUND_ONLY, status, "onsale", 1000, 1000, "BUYER_NOT_RECEIVED", null, null, T,
        T.plusSeconds(60), waitEnded);
  }

  private static SandboxRefund refund(long id, RefundKind kind, String status, String phase) {
    return new SandboxRefund(id, TID, 1001, kind, status, phase, 1000, 1000, "BUYER_NOT_RECEIVED", null, null, T, T, null);
  }

  private static AfterSaleCheck.Result afterSale(List<SandboxRefund> refunds, ErpOrderStatus orderStatus, List<OpenLine> lines, AfterSaleFacts facts,
      String... moreOrders) {
    Map<String, ErpSalesOrderSummary> orders = new java.util.HashMap<>();
    orders.put("100", new ErpSalesOrderSummary(SO, "T1", new ChannelOrderNo("100"), 1000, lines.size(), orderStatus));
    for (String no : moreOrders) {
      orders.put(no, new ErpSalesOrderSummary(new ErpDocNo("SO2"), "T1", new ChannelOrderNo(no), 0, 1, ErpOrderStatus.OPEN));
    }
    return new AfterSaleCheck().compare(refunds, orders, o -> lines, facts);
  }

  @Test
  void aRequestBeforeShippingMustBeHeldAndItsSuccessMustLeaveNothingToShip() {
    List<OpenLine> open = List.of(new OpenLine(1, "1001", M, 2, 0));
    List<OpenLine> cancelled = List.of(new OpenLine(1, "1001", M, 0, 0));
    AfterSaleFacts held = new AfterSaleFacts(List.of(new AfterSaleFacts.Hold(SO, "h1", T, null)), List.of());
    AfterSaleFacts none = new AfterSaleFacts(List.of(), List.of());

    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "WAIT_SELLER_AGREE", "onsale")), ErpOrderStatus.OPEN, open, held).unreflected())
        .isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "WAIT_SELLER_AGREE", "onsale")), ErpOrderStatus.OPEN, open, none).unreflected())
        .as("not intercepted").isEqualTo(1);
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "SUCCESS", "onsale")), ErpOrderStatus.OPEN, cancelled, none).unreflected())
        .isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "SUCCESS", "onsale")), ErpOrderStatus.OPEN, open, none).unreflected())
        .as("still to ship").isEqualTo(1);
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "CLOSED", "onsale")), ErpOrderStatus.OPEN, open, held).unreflected())
        .as("hold left behind").isEqualTo(1);
  }

  @Test
  void returnsMustBeReceivedAndExchangesMustHaveTheirReplacement() {
    List<OpenLine> shipped = List.of(new OpenLine(1, "1001", M, 2, 2));
    AfterSaleFacts.Return back = new AfterSaleFacts.Return(new ErpDocNo("RT1"), SO, true, List.of(new AfterSaleFacts.Line("1001", 2)));
    AfterSaleFacts.Return onTheWay = new AfterSaleFacts.Return(new ErpDocNo("RT1"), SO, false, List.of(new AfterSaleFacts.Line("1001", 2)));

    assertThat(afterSale(List.of(refund(1, RefundKind.RETURN, "SUCCESS", "aftersale")), ErpOrderStatus.DELIVERED, shipped,
        new AfterSaleFacts(List.of(), List.of(back))).unreflected()).isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.RETURN, "SUCCESS", "aftersale")), ErpOrderStatus.DELIVERED, shipped,
        new AfterSaleFacts(List.of(), List.of(onTheWay))).unreflected()).as("not received").isEqualTo(1);
    assertThat(afterSale(List.of(refund(1, RefundKind.RETURN, "WAIT_SELLER_CONFIRM_GOODS", "aftersale")), ErpOrderStatus.DELIVERED, shipped,
        new AfterSaleFacts(List.of(), List.of(onTheWay))).unreflected()).isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.RETURN, "WAIT_SELLER_CONFIRM_GOODS", "aftersale")), ErpOrderStatus.DELIVERED, shipped,
        new AfterSaleFacts(List.of(), List.of())).unreflected()).as("no return document").isEqualTo(1);
    assertThat(afterSale(List.of(refund(7, RefundKind.EXCHANGE, "SUCCESS", "aftersale")), ErpOrderStatus.DELIVERED, shipped,
        new AfterSaleFacts(List.of(), List.of(back))).unreflected()).as("no replacement").isEqualTo(1);
    assertThat(afterSale(List.of(refund(7, RefundKind.EXCHANGE, "SUCCESS", "aftersale")), ErpOrderStatus.DELIVERED, shipped,
        new AfterSaleFacts(List.of(), List.of(back)), "100-X7").unreflected()).isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "SUCCESS", "aftersale")), ErpOrderStatus.DELIVERED, shipped,
        new AfterSaleFacts(List.of(), List.of())).unreflected()).as("money only: nothing in the ERP").isZero();
  }
}
