package com.tmallbridge.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.SalesOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of the after-sale capabilities {@link DeliveryHold}, {@link SalesOrderLineCancellation}
 * and {@link ReturnSink}: a held order does not ship until every hold is released; cancelling lines
 * cancels only open units and is idempotent; a return covers delivered units and its receipt puts
 * them back on stock once. Deliveries are made through {@link #shipInErp}. Part of {@link
 * ErpConnectorContract}.
 */
public interface AfterSaleContract extends ErpContractFixture {

  @Test
  default void aHeldOrderDoesNotShipUntilEveryHoldIsReleased() {
    DeliveryHold holds = capability(DeliveryHold.class);
    ErpDocNo so = createdOrder(orderOfThreeLines(data().orderNo()));

    holds.hold(so, "hold-a-" + data().tag(), "refund a");
    holds.hold(so, "hold-a-" + data().tag(), "refund a again");
    holds.hold(so, "hold-b-" + data().tag(), "refund b");

    assertThat(holds.isHeld(so)).isTrue();
    assertThatThrownBy(() -> shipInErp(so, Map.of("oid-1", 1L), "ZTO", "ZT" + data().tag()))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("held");
    assertThat(holds.release(so, "hold-a-" + data().tag())).isTrue();
    assertThat(holds.release(so, "hold-b-" + data().tag())).isFalse();
    assertThat(holds.release(so, "hold-b-" + data().tag())).isFalse();
    assertThat(holds.isHeld(so)).isFalse();
    shipInErp(so, Map.of("oid-1", 1L), "ZTO", "ZT" + data().tag());
  }

  @Test
  default void holdingAnUnknownOrderIsAPermanentFailure() {
    DeliveryHold holds = capability(DeliveryHold.class);

    assertThatThrownBy(() -> holds.hold(new ErpDocNo("SO-NONE-" + data().tag()), "k-" + data().tag(), "x"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  default void cancellingLinesCancelsOnlyOpenUnitsOnceAndKeepsTheRestShippable() {
    SalesOrderLineCancellation cancellation = capability(SalesOrderLineCancellation.class);
    ErpDocNo so = createdOrder(orderOfThreeLines(data().orderNo()));
    shipInErp(so, Map.of("oid-3", 1L), "ZTO", "ZT" + data().tag());

    var first = cancellation.cancelOpenUnits(so, List.of("oid-3"), "cancel-" + data().tag());
    var repeat = cancellation.cancelOpenUnits(so, List.of("oid-3"), "cancel-" + data().tag());

    assertThat(first).isEqualTo(new SalesOrderLineCancellation.Result(2, 1, 3));
    assertThat(repeat).isEqualTo(first);
    assertThatThrownBy(() -> shipInErp(so, Map.of("oid-3", 1L), "ZTO", "ZT" + data().tag() + "x"))
        .isInstanceOf(ConnectorException.class);
    shipInErp(so, Map.of("oid-1", 2L, "oid-2", 1L), "ZTO", "ZT" + data().tag() + "y");
    assertThat(capability(SalesOrderQuery.class).findByChannelOrder(data().shopCode(), orderNoOf(so)).orElseThrow().status())
        .isEqualTo(ErpOrderStatus.DELIVERED);
  }

  @Test
  default void deliveredUnitsArePerSubOrderWhateverTheRestOfTheOrderDid() {
    SalesOrderLineCancellation lines = capability(SalesOrderLineCancellation.class);
    ErpDocNo so = createdOrder(orderOfThreeLines(data().orderNo()));
    assertThat(lines.deliveredUnits(so, List.of("oid-1", "oid-3"))).isZero();

    shipInErp(so, Map.of("oid-3", 1L), "ZTO", "ZT" + data().tag());

    assertThat(lines.deliveredUnits(so, List.of("oid-3"))).isEqualTo(1);
    assertThat(lines.deliveredUnits(so, List.of("oid-1"))).as("the sub-order still to ship").isZero();
    assertThat(lines.deliveredUnits(so, List.of("oid-9"))).as("no such sub-order").isZero();
    assertThatThrownBy(() -> lines.deliveredUnits(new ErpDocNo("SO-NONE-" + data().tag()), List.of("oid-1")))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  default void cancellingEveryLineOfAnUnshippedOrderCancelsTheOrder() {
    SalesOrderLineCancellation cancellation = capability(SalesOrderLineCancellation.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo so = createdOrder(order);

    var result = cancellation.cancelOpenUnits(so, List.of("oid-1", "oid-2", "oid-3"), "cancel-" + data().tag());

    assertThat(result).isEqualTo(new SalesOrderLineCancellation.Result(6, 0, 0));
    assertThat(capability(SalesOrderQuery.class).findByChannelOrder(order.shopCode(), order.orderNo()).orElseThrow().status())
        .isEqualTo(ErpOrderStatus.CANCELLED);
    assertThatThrownBy(() -> cancellation.cancelOpenUnits(so, List.of("oid-9"), "cancel-9-" + data().tag()))
        .isInstanceOf(ConnectorException.class);
  }

  @Test
  default void aReturnCoversDeliveredUnitsAndItsReceiptRestocksOnce() {
    ReturnSink returns = capability(ReturnSink.class);
    StockLedger ledger = capability(StockLedger.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo so = createdOrder(order);
    shipInErp(so, Map.of("oid-3", 3L, "oid-1", 2L), "ZTO", "ZT" + data().tag());
    long before = ledger.onHand(order.lines().get(2).material()).getOrDefault(stockWarehouse(), 0L);

    ErpDocNo returnNo = returns.createReturn(so, Map.of("oid-3", 2L), "ret-" + data().tag(), "buyer returns 2");
    ErpDocNo repeat = returns.createReturn(so, Map.of("oid-3", 2L), "ret-" + data().tag(), "buyer returns 2");
    long restocked = returns.receiveReturn(returnNo);
    long again = returns.receiveReturn(returnNo);

    assertThat(repeat).isEqualTo(returnNo);
    assertThat(restocked).isEqualTo(2);
    assertThat(again).isZero();
    assertThat(ledger.onHand(order.lines().get(2).material())).containsEntry(stockWarehouse(), before + 2);
    ErpDocNo rest = returns.createReturn(so, Map.of("oid-3", 0L), "ret2-" + data().tag(), "the last one");
    assertThat(returns.receiveReturn(rest)).isEqualTo(1);
    assertThatThrownBy(() -> returns.createReturn(so, Map.of("oid-3", 0L), "ret3-" + data().tag(), "nothing left"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  default void nothingDeliveredCannotBeReturned() {
    ReturnSink returns = capability(ReturnSink.class);
    ErpDocNo so = createdOrder(orderOfThreeLines(data().orderNo()));

    assertThatThrownBy(() -> returns.createReturn(so, Map.of("oid-1", 0L), "ret-" + data().tag(), "not shipped"))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("nothing");
    assertThatThrownBy(() -> returns.receiveReturn(new ErpDocNo("RT-NONE-" + data().tag())))
        .isInstanceOf(ConnectorException.class);
  }

  private ErpDocNo createdOrder(SalesOrder order) {
    return capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
  }

  private com.tmallbridge.core.ChannelOrderNo orderNoOf(ErpDocNo so) {
    List<ErpSalesOrderSummary> all = channelOrdersOf(data().shopCode());
    return all.stream().filter(s -> s.docNo().equals(so)).findFirst().orElseThrow().orderNo();
  }
}
