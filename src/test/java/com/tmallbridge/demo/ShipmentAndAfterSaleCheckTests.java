package com.tmallbridge.demo;

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

  private static ErpDelivery delivery(String tid, Instant at, String... lineIds) {
    List<ErpDelivery.Line> lines = java.util.Arrays.stream(lineIds).map(id -> new ErpDelivery.Line(id, M, 1)).toList();
    return new ErpDelivery(new ErpDocNo("DL-" + tid + "-" + lineIds.length), SO, "T1", new ChannelOrderNo(tid), "WH01", "SF", "SF000000000001",
        at, lines);
  }

  private static SandboxParcel parcel(Long... oids) {
    return new SandboxParcel(TID, "SF", "顺丰速运", "SF000000000001", List.of(oids), T);
  }

  @Test
  void aParcelTmallShowsPassesAndOneItDoesNotShowIsCounted() {
    ShipmentCheck check = new ShipmentCheck();
    List<ErpDelivery> shipped = List.of(delivery("100", T, "1001", "1002#1", "gift-7"));

    assertThat(check.compare(shipped, tid -> List.of(parcel(1001L, 1002L)), List.of()).shippedInErpNotOnTmall()).isZero();
    ShipmentCheck.Result missing = new ShipmentCheck().compare(shipped, tid -> List.of(parcel(1001L)), List.of());
    assertThat(missing.shippedInErpNotOnTmall()).isEqualTo(1);
    assertThat(missing.samples()).singleElement().asString().contains("[1002]");
  }

  @Test
  void replacementOrdersAreNotTmallParcelsAndAParcelThatLeftWhileHeldIsCounted() {
    AfterSaleFacts.Hold released = new AfterSaleFacts.Hold(SO, "h1", T, T.plusSeconds(10));
    List<ErpDelivery> afterRelease = List.of(delivery("100-X5", T.plusSeconds(20), "1001"));
    List<ErpDelivery> whileHeld = List.of(delivery("100", T.plusSeconds(5), "1001"));

    ShipmentCheck.Result ok = new ShipmentCheck().compare(afterRelease, tid -> List.of(), List.of(released));
    ShipmentCheck.Result held = new ShipmentCheck().compare(whileHeld, tid -> List.of(parcel(1001L)), List.of(released));

    assertThat(ok.shippedInErpNotOnTmall()).isZero();
    assertThat(ok.shippedWhileHeld()).isZero();
    assertThat(ok.tmallParcels()).isZero();
    assertThat(held.shippedWhileHeld()).isEqualTo(1);
  }

  private static SandboxRefund refund(long id, RefundKind kind, String status, String phase) {
    return new SandboxRefund(id, TID, 1001, kind, status, phase, 1000, 1000, "BUYER_NOT_RECEIVED", null, null, T, T, null);
  }

  private static AfterSaleCheck.Result afterSale(List<SandboxRefund> refunds, String orderStatus, List<OpenLine> lines, AfterSaleFacts facts,
      String... moreOrders) {
    Map<String, ErpSalesOrderSummary> orders = new java.util.HashMap<>();
    orders.put("100", new ErpSalesOrderSummary(SO, "T1", new ChannelOrderNo("100"), 1000, lines.size(), orderStatus));
    for (String no : moreOrders) {
      orders.put(no, new ErpSalesOrderSummary(new ErpDocNo("SO2"), "T1", new ChannelOrderNo(no), 0, 1, "CONFIRMED"));
    }
    return new AfterSaleCheck().compare(refunds, orders, o -> lines, facts);
  }

  @Test
  void aRequestBeforeShippingMustBeHeldAndItsSuccessMustLeaveNothingToShip() {
    List<OpenLine> open = List.of(new OpenLine(1, "1001", M, 2, 0));
    List<OpenLine> cancelled = List.of(new OpenLine(1, "1001", M, 0, 0));
    AfterSaleFacts held = new AfterSaleFacts(List.of(new AfterSaleFacts.Hold(SO, "h1", T, null)), List.of());
    AfterSaleFacts none = new AfterSaleFacts(List.of(), List.of());

    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "WAIT_SELLER_AGREE", "onsale")), "CONFIRMED", open, held).unreflected())
        .isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "WAIT_SELLER_AGREE", "onsale")), "CONFIRMED", open, none).unreflected())
        .as("not intercepted").isEqualTo(1);
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "SUCCESS", "onsale")), "CONFIRMED", cancelled, none).unreflected())
        .isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "SUCCESS", "onsale")), "CONFIRMED", open, none).unreflected())
        .as("still to ship").isEqualTo(1);
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "CLOSED", "onsale")), "CONFIRMED", open, held).unreflected())
        .as("hold left behind").isEqualTo(1);
  }

  @Test
  void returnsMustBeReceivedAndExchangesMustHaveTheirReplacement() {
    List<OpenLine> shipped = List.of(new OpenLine(1, "1001", M, 2, 2));
    AfterSaleFacts.Return back = new AfterSaleFacts.Return(new ErpDocNo("RT1"), SO, true, List.of(new AfterSaleFacts.Line("1001", 2)));
    AfterSaleFacts.Return onTheWay = new AfterSaleFacts.Return(new ErpDocNo("RT1"), SO, false, List.of(new AfterSaleFacts.Line("1001", 2)));

    assertThat(afterSale(List.of(refund(1, RefundKind.RETURN, "SUCCESS", "aftersale")), "SHIPPED", shipped,
        new AfterSaleFacts(List.of(), List.of(back))).unreflected()).isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.RETURN, "SUCCESS", "aftersale")), "SHIPPED", shipped,
        new AfterSaleFacts(List.of(), List.of(onTheWay))).unreflected()).as("not received").isEqualTo(1);
    assertThat(afterSale(List.of(refund(1, RefundKind.RETURN, "WAIT_SELLER_CONFIRM_GOODS", "aftersale")), "SHIPPED", shipped,
        new AfterSaleFacts(List.of(), List.of(onTheWay))).unreflected()).isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.RETURN, "WAIT_SELLER_CONFIRM_GOODS", "aftersale")), "SHIPPED", shipped,
        new AfterSaleFacts(List.of(), List.of())).unreflected()).as("no return document").isEqualTo(1);
    assertThat(afterSale(List.of(refund(7, RefundKind.EXCHANGE, "SUCCESS", "aftersale")), "SHIPPED", shipped,
        new AfterSaleFacts(List.of(), List.of(back))).unreflected()).as("no replacement").isEqualTo(1);
    assertThat(afterSale(List.of(refund(7, RefundKind.EXCHANGE, "SUCCESS", "aftersale")), "SHIPPED", shipped,
        new AfterSaleFacts(List.of(), List.of(back)), "100-X7").unreflected()).isZero();
    assertThat(afterSale(List.of(refund(1, RefundKind.REFUND_ONLY, "SUCCESS", "aftersale")), "SHIPPED", shipped,
        new AfterSaleFacts(List.of(), List.of())).unreflected()).as("money only: nothing in the ERP").isZero();
  }
}
