package com.tmallbridge.erp;

import static com.tmallbridge.erp.ErpTestData.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link SalesOrderSink} and {@link SalesOrderQuery}: one document per (shop code,
 * channel order number) whatever the repeats and races, and rejections of what the ERP cannot
 * accept. (A total that differs from lines plus post fee cannot reach a connector: the core
 * {@link SalesOrder} refuses to be built.) Part of {@link ErpConnectorContract}.
 */
public interface SalesOrderContract extends ErpContractFixture {

  @Test
  default void createdSalesOrderReadsBackWithItsTotalAndLineCount() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    SalesOrderQuery query = capability(SalesOrderQuery.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());

    ErpDocNo docNo = sink.createSalesOrder(order, customerOf(order));

    assertThat(query.findByChannelOrder(order.shopCode(), order.orderNo())).hasValueSatisfying(found -> {
      assertThat(found.docNo()).isEqualTo(docNo);
      assertThat(found.shopCode()).isEqualTo(order.shopCode());
      assertThat(found.orderNo()).isEqualTo(order.orderNo());
      assertThat(found.totalFen()).isEqualTo(order.totalFen()).isEqualTo(1000 + 2 * 5990 + 12900 + 3 * 850);
      assertThat(found.lineCount()).isEqualTo(3);
      assertThat(found.status()).isEqualTo(ErpOrderStatus.OPEN);
    });
  }

  @Test
  default void severalChannelOrdersAreReadInOneCallAndUnknownOnesAreAbsent() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    SalesOrderQuery query = capability(SalesOrderQuery.class);
    SalesOrder first = orderOfThreeLines(data().orderNo());
    SalesOrder second = orderOfThreeLines(data().orderNo());
    ErpDocNo a = sink.createSalesOrder(first, customerOf(first));
    ErpDocNo b = sink.createSalesOrder(second, customerOf(second));
    ChannelOrderNo unknown = data().orderNo();

    var found = query.findByChannelOrders(first.shopCode(), List.of(first.orderNo(), unknown, second.orderNo()));

    assertThat(found).containsOnlyKeys(first.orderNo(), second.orderNo());
    assertThat(found.get(first.orderNo()).docNo()).isEqualTo(a);
    assertThat(found.get(second.orderNo()).docNo()).isEqualTo(b);
    assertThat(found.get(second.orderNo()).totalFen()).isEqualTo(second.totalFen());
    assertThat(query.findByChannelOrders(first.shopCode(), List.of())).isEmpty();
  }

  @Test
  default void repeatedCreateReturnsTheSameDocumentAndCreatesNoSecondOrder() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo customer = customerOf(order);

    ErpDocNo first = sink.createSalesOrder(order, customer);
    ErpDocNo second = sink.createSalesOrder(order, customer);

    assertThat(second).isEqualTo(first);
    assertThat(channelOrdersOf(order.shopCode())).extracting(ErpSalesOrderSummary::docNo).containsExactly(first);
  }

  @Test
  default void concurrentCreatesOfOneOrderYieldOneDocument() throws Exception {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());
    ErpDocNo customer = customerOf(order);

    List<ErpDocNo> numbers = ErpContractFixture.concurrently(4, () -> sink.createSalesOrder(order, customer));

    assertThat(numbers).containsOnly(numbers.get(0));
    assertThat(channelOrdersOf(order.shopCode())).singleElement().satisfies(found -> {
      assertThat(found.docNo()).isEqualTo(numbers.get(0));
      assertThat(found.lineCount()).isEqualTo(3);
      assertThat(found.totalFen()).isEqualTo(order.totalFen());
    });
  }

  @Test
  default void theSameChannelOrderNumberInAnotherShopIsAnotherOrder() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    ChannelOrderNo orderNo = data().orderNo();
    SalesOrder inFirstShop = orderOfThreeLines(orderNo);
    SalesOrder inSecondShop = data().order(data().shopCode() + "B", orderNo, 0, inFirstShop.lines());
    ErpDocNo customer = customerOf(inFirstShop);

    ErpDocNo first = sink.createSalesOrder(inFirstShop, customer);
    ErpDocNo second = sink.createSalesOrder(inSecondShop, customer);

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  default void unknownMaterialIsRejectedPermanentlyNamingTheCodeAndCreatesNothing() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    MaterialCode known = saleableMaterial(1000);
    MaterialCode unknown = data().materialCode();
    SalesOrder order = data().order(data().shopCode(), data().orderNo(), 0, List.of(line(1, known, 1, 1000), line(2, unknown, 1, 500)));
    ErpDocNo customer = customerOf(order);

    assertThatThrownBy(() -> sink.createSalesOrder(order, customer))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining(unknown.value());
    assertNoOrderFor(order);
  }

  @Test
  default void lineWithoutAPositiveQuantityIsRejectedPermanently() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    MaterialCode material = saleableMaterial(1000);
    SalesOrder order = data().order(data().shopCode(), data().orderNo(), 0, List.of(line(1, material, 0, 1000)));
    ErpDocNo customer = customerOf(order);

    assertThatThrownBy(() -> sink.createSalesOrder(order, customer))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
    assertNoOrderFor(order);
  }

  @Test
  default void orderForAnUnknownCustomerIsRejectedPermanently() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    SalesOrder order = orderOfThreeLines(data().orderNo());

    assertThatThrownBy(() -> sink.createSalesOrder(order, new ErpDocNo("NO-SUCH-" + data().tag())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
    assertNoOrderFor(order);
  }

  @Test
  default void unknownChannelOrderIsNotFound() {
    SalesOrderQuery query = capability(SalesOrderQuery.class);

    assertThat(query.findByChannelOrder(data().shopCode(), data().orderNo())).isEmpty();
  }

  @Test
  default void forEachChannelOrderDeliversEveryOrderOnceWithItsTotal() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    List<SalesOrder> orders =
        List.of(orderOfThreeLines(data().orderNo()), orderOfThreeLines(data().orderNo()), orderOfThreeLines(data().orderNo()));
    ErpDocNo customer = customerOf(orders.get(0));
    List<ErpDocNo> created = orders.stream().map(o -> sink.createSalesOrder(o, customer)).toList();

    List<ErpSalesOrderSummary> seen = channelOrdersOf(data().shopCode());

    assertThat(seen).extracting(ErpSalesOrderSummary::docNo).containsExactlyInAnyOrderElementsOf(created);
    assertThat(seen).extracting(ErpSalesOrderSummary::orderNo)
        .containsExactlyInAnyOrderElementsOf(orders.stream().map(SalesOrder::orderNo).toList());
    assertThat(seen).allSatisfy(s -> {
      assertThat(s.totalFen()).isEqualTo(orders.get(0).totalFen());
      assertThat(s.lineCount()).isEqualTo(3);
    });
  }

  @Test
  default void createSalesOrdersCreatesEachOrderOnceAndReturnsTheNumbersInOrder() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    SalesOrder existing = orderOfThreeLines(data().orderNo());
    SalesOrder first = orderOfThreeLines(data().orderNo());
    SalesOrder second = data().order(data().shopCode(), data().orderNo(), 0, List.of(line(1, saleableMaterial(700), 4, 700)));
    ErpDocNo customer = customerOf(existing);
    ErpDocNo existingNo = sink.createSalesOrder(existing, customer);

    List<ErpDocNo> numbers = sink.createSalesOrders(List.of(
        new SalesOrderSink.Request(first, customer), new SalesOrderSink.Request(existing, customer),
        new SalesOrderSink.Request(second, customer)));

    assertThat(numbers).hasSize(3).doesNotHaveDuplicates();
    assertThat(numbers.get(1)).isEqualTo(existingNo);
    assertThat(sink.createSalesOrders(List.of(new SalesOrderSink.Request(second, customer), new SalesOrderSink.Request(first, customer))))
        .as("a repeat").containsExactly(numbers.get(2), numbers.get(0));
    assertThat(sink.createSalesOrder(first, customer)).isEqualTo(numbers.get(0));
    assertThat(channelOrdersOf(data().shopCode())).hasSize(3).allSatisfy(found -> {
      SalesOrder sent = found.orderNo().equals(second.orderNo()) ? second : existing;
      assertThat(found.totalFen()).isEqualTo(sent.totalFen());
      assertThat(found.lineCount()).isEqualTo(sent.lines().size());
    });
    assertThat(sink.createSalesOrders(List.of())).isEmpty();
  }

  @Test
  default void createSalesOrdersRejectsAnOrderWithAnUnknownMaterialPermanentlyAndCreatesNotThatOne() {
    SalesOrderSink sink = capability(SalesOrderSink.class);
    SalesOrder good = orderOfThreeLines(data().orderNo());
    MaterialCode unknown = data().materialCode();
    SalesOrder bad = data().order(data().shopCode(), data().orderNo(), 0, List.of(line(1, unknown, 1, 500)));
    ErpDocNo customer = customerOf(good);

    assertThatThrownBy(() -> sink.createSalesOrders(List.of(new SalesOrderSink.Request(good, customer), new SalesOrderSink.Request(bad, customer))))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining(unknown.value());
    assertNoOrderFor(bad);
    // whether the good one was created depends on the ERP (no atomicity is promised); a repeat makes it exist once
    ErpDocNo created = sink.createSalesOrder(good, customer);
    assertThat(channelOrdersOf(data().shopCode())).extracting(ErpSalesOrderSummary::docNo).containsExactly(created);
  }
}
