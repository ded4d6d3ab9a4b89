package com.tmallbridge.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every ERP write is idempotent on a key the ERP keeps: repeating it after a response was lost
 * (the write had landed, the caller saw a failure), and two nodes delivering one key at the same
 * moment ({@link #racing}), create nothing twice. A connector whose ERP has no uniqueness for a key
 * says in its documentation what prevents the second write (its own create-then-verify scheme, or
 * the dispatcher's one-message-in-flight-per-aggregate rule). Part of {@link ErpConnectorContract}.
 */
public interface IdempotencyContract extends ErpContractFixture {

  @Test
  default void aCustomerWhoseCreationLostItsResponseIsFoundNotCreatedAgain() throws Exception {
    CustomerRecord buyer = data().customer(31);

    assertThatThrownBy(() -> afterLostResponse(() -> capability(CustomerSink.class).ensureCustomer(buyer)))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isTrue());
    ErpDocNo retried = capability(CustomerSink.class).ensureCustomer(buyer);

    assertThat(Set.copyOf(racing(4, c -> ((CustomerSink) c).ensureCustomer(buyer)))).containsExactly(retried);
  }

  @Test
  default void aSalesOrderWhoseCreationLostItsResponseIsFoundNotCreatedAgain() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo customer = customerOf(order);

    assertThatThrownBy(() -> afterLostResponse(() -> sink.createSalesOrder(order, customer)))
        .isInstanceOf(ConnectorException.class);
    ErpDocNo retried = sink.createSalesOrder(order, customer);

    assertThat(channelOrdersOf(order.shopCode())).singleElement().satisfies(found -> {
      assertThat(found.docNo()).isEqualTo(retried);
      assertThat(found.totalFen()).isEqualTo(order.totalFen());
    });
  }

  @Test
  default void twoNodesCreatingOneSalesOrderAtOnceLeaveOneDocument() throws Exception {
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo customer = customerOf(order);
    capability(SalesOrderSink.class);

    List<ErpDocNo> numbers = racing(4, c -> ((SalesOrderSink) c).createSalesOrder(order, customer));

    assertThat(Set.copyOf(numbers)).hasSize(1);
    assertThat(channelOrdersOf(order.shopCode())).extracting(ErpSalesOrderSummary::docNo).containsExactly(numbers.get(0));
  }

  @Test
  default void aStockMoveWhoseBookingLostItsResponseOrRacesIsBookedOnce() throws Exception {
    StockLedger ledger = capability(StockLedger.class);
    MaterialCode material = saleableMaterial(1000);
    String reference = "ct-" + data().tag() + "-lost";

    assertThatThrownBy(() -> afterLostResponse(() -> ledger.book(stockWarehouse(), material, 6, "RECEIPT", reference)))
        .isInstanceOf(ConnectorException.class);
    ledger.book(stockWarehouse(), material, 6, "RECEIPT", reference);
    racing(4, c -> {
      ((StockLedger) c).book(stockWarehouse(), material, 6, "RECEIPT", reference);
      return true;
    });

    assertThat(ledger.onHand(material)).containsEntry(stockWarehouse(), 6L);
  }

  @Test
  default void holdsAndLineCancellationsRepeatedOrRacingActOnce() throws Exception {
    DeliveryHold holds = capability(DeliveryHold.class);
    SalesOrderLineCancellation cancellation = capability(SalesOrderLineCancellation.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo so = capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
    String holdKey = "hold-" + data().tag();

    assertThatThrownBy(() -> afterLostResponse(() -> holds.hold(so, holdKey, "refund requested")))
        .isInstanceOf(ConnectorException.class);
    racing(4, c -> {
      ((DeliveryHold) c).hold(so, holdKey, "refund requested");
      return true;
    });
    assertThat(holds.release(so, holdKey)).as("one release frees a key held many times").isFalse();
    assertThat(holds.isHeld(so)).isFalse();

    List<SalesOrderLineCancellation.Result> results =
        racing(4, c -> ((SalesOrderLineCancellation) c).cancelOpenUnits(so, List.of("oid-2"), "cancel-" + data().tag()));
    assertThat(Set.copyOf(results)).containsExactly(new SalesOrderLineCancellation.Result(1, 0, 5));
  }

  @Test
  default void aReturnWhoseCreationLostItsResponseOrRacesIsCreatedAndReceivedOnce() throws Exception {
    ReturnSink returns = capability(ReturnSink.class);
    StockLedger ledger = capability(StockLedger.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo so = capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
    shipInErp(so, Map.of("oid-3", 3L), "ZTO", "ZT" + data().tag());
    MaterialCode material = order.lines().get(2).material();
    long before = ledger.onHand(material).getOrDefault(stockWarehouse(), 0L);
    String reference = "ret-" + data().tag();

    assertThatThrownBy(() -> afterLostResponse(() -> returns.createReturn(so, Map.of("oid-3", 2L), reference, "buyer returns 2")))
        .isInstanceOf(ConnectorException.class);
    List<ErpDocNo> numbers = racing(4, c -> ((ReturnSink) c).createReturn(so, Map.of("oid-3", 2L), reference, "buyer returns 2"));
    assertThat(Set.copyOf(numbers)).hasSize(1);
    List<Long> received = racing(4, c -> ((ReturnSink) c).receiveReturn(numbers.get(0)));

    assertThat(received.stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    assertThat(ledger.onHand(material)).containsEntry(stockWarehouse(), before + 2);
  }
}
