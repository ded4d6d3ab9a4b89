package com.tmallbridge.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.SalesOrderAmendment.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link SalesOrderAmendment}: cancel, receiver and notes updates are idempotent, hold
 * until something ships, and are refused for good after that. The shipping tests need {@link
 * #shipInErp}. Part of {@link ErpConnectorContract}.
 */
public interface SalesOrderAmendmentContract extends ErpContractFixture {
  Receiver NEW_RECEIVER = new Receiver("李**", "139****1111", "0571-****22", "上海", "上海市", "浦东新区", "世纪大道***号", "200120");

  private ErpDocNo created(SalesOrder order) {
    return capability(SalesOrderSink.class).createSalesOrder(order, customerOf(order));
  }

  @Test
  default void cancelBeforeShippingCancelsTheOrderAndRepeatingItChangesNothing() {
    SalesOrderAmendment amendment = capability(SalesOrderAmendment.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo docNo = created(order);

    assertThat(amendment.cancel(docNo, "Tmall trade closed")).isEqualTo(Result.APPLIED);
    assertThat(amendment.cancel(docNo, "Tmall trade closed")).isEqualTo(Result.APPLIED);

    assertThat(capability(SalesOrderQuery.class).findByChannelOrder(order.shopCode(), order.orderNo()))
        .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(ErpOrderStatus.CANCELLED));
    assertThat(channelOrdersOf(order.shopCode())).hasSize(1);
  }

  @Test
  default void cancelIsRefusedForGoodOnceAnythingShipped() {
    SalesOrderAmendment amendment = capability(SalesOrderAmendment.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo docNo = created(order);
    shipInErp(docNo, Map.of("oid-1", 1L), "ZTO", "ZT" + data().tag());

    assertThat(amendment.cancel(docNo, "Tmall trade closed")).isEqualTo(Result.REFUSED_SHIPPED);
    assertThat(amendment.cancel(docNo, "Tmall trade closed")).isEqualTo(Result.REFUSED_SHIPPED);
    assertThat(capability(SalesOrderQuery.class).findByChannelOrder(order.shopCode(), order.orderNo()))
        .hasValueSatisfying(s -> assertThat(s.status()).isNotEqualTo(ErpOrderStatus.CANCELLED));
  }

  @Test
  default void receiverUpdateReplacesTheWholeReceiverAndIsIdempotent() {
    SalesOrderAmendment amendment = capability(SalesOrderAmendment.class);
    ErpDocNo docNo = created(orderOfThreeLines(data().orderNo()));

    assertThat(amendment.updateReceiver(docNo, NEW_RECEIVER)).isEqualTo(Result.APPLIED);
    assertThat(amendment.updateReceiver(docNo, NEW_RECEIVER)).isEqualTo(Result.APPLIED);

    assertThat(amendment.particulars(docNo)).hasValueSatisfying(p -> assertThat(p.receiver()).isEqualTo(NEW_RECEIVER));
  }

  @Test
  default void memoUpdateReplacesMessageMemoAndFlagAndIsIdempotent() {
    SalesOrderAmendment amendment = capability(SalesOrderAmendment.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo docNo = created(order);
    Receiver original = amendment.particulars(docNo).orElseThrow().receiver();

    assertThat(amendment.updateMemo(docNo, null, "送小样", 4)).isEqualTo(Result.APPLIED);
    assertThat(amendment.updateMemo(docNo, null, "送小样", 4)).isEqualTo(Result.APPLIED);

    assertThat(amendment.particulars(docNo)).hasValueSatisfying(p -> {
      assertThat(p.buyerMessage()).isNull();
      assertThat(p.sellerMemo()).isEqualTo("送小样");
      assertThat(p.sellerFlag()).isEqualTo(4);
      assertThat(p.receiver()).isEqualTo(original).isEqualTo(order.receiver());
    });
  }

  @Test
  default void updatesAreRefusedOnceAnythingShippedAndLeaveTheOrderAsItWas() {
    SalesOrderAmendment amendment = capability(SalesOrderAmendment.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo docNo = created(order);
    shipInErp(docNo, Map.of("oid-2", 1L), "SF", "SF" + data().tag());

    assertThat(amendment.updateReceiver(docNo, NEW_RECEIVER)).isEqualTo(Result.REFUSED_SHIPPED);
    assertThat(amendment.updateMemo(docNo, "改地址", "急", 1)).isEqualTo(Result.REFUSED_SHIPPED);

    assertThat(amendment.particulars(docNo)).hasValueSatisfying(p -> {
      assertThat(p.receiver()).isEqualTo(order.receiver());
      assertThat(p.buyerMessage()).isEqualTo(order.buyerMessage());
      assertThat(p.sellerFlag()).isZero();
    });
  }

  @Test
  default void updatesOfACancelledOrderAreRefused() {
    SalesOrderAmendment amendment = capability(SalesOrderAmendment.class);
    ErpDocNo docNo = created(orderOfThreeLines(data().orderNo()));
    amendment.cancel(docNo, "Tmall trade closed");

    assertThat(amendment.updateReceiver(docNo, NEW_RECEIVER)).isEqualTo(Result.REFUSED_CANCELLED);
    assertThat(amendment.updateMemo(docNo, null, null, 2)).isEqualTo(Result.REFUSED_CANCELLED);
  }

  @Test
  default void amendingAnUnknownDocumentFailsPermanently() {
    SalesOrderAmendment amendment = capability(SalesOrderAmendment.class);
    ErpDocNo unknown = new ErpDocNo("NO-SUCH-" + data().tag());

    assertThat(amendment.particulars(unknown)).isEmpty();
    assertThatThrownBy(() -> amendment.cancel(unknown, "Tmall trade closed"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
    assertThatThrownBy(() -> amendment.updateReceiver(unknown, NEW_RECEIVER))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
  }
}
