package com.tmallbridge.erp.embedded;

import com.tmallbridge.testsupport.MutableClock;

import static com.tmallbridge.erp.ErpTestData.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the built-in ERP stores for a sales order, how it numbers it and what it rejects. */
@DatabaseTest
class EmbeddedSalesOrderTests {
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final ErpTestData data = new ErpTestData();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-10T16:30:00Z"));
  private final EmbeddedErpConnector erp = DATABASE.get().connector(clock);

  @Test
  void numbersOrdersByShanghaiBusinessDayAndCustomersByRunningNumber() {
    SalesOrder order = order(line(1, material(2500), 1, 2500));

    ErpDocNo customer = erp.ensureCustomer(order.customer());
    ErpDocNo docNo = erp.createSalesOrder(order, customer);

    assertThat(docNo.value()).matches("SO20251111\\d{6,}");
    assertThat(customer.value()).matches("C\\d{8,}");
  }

  @Test
  void reportsWhenEachOrderOfAShopWasCreated() {
    SalesOrder first = order(line(1, material(2500), 1, 2500));
    erp.createSalesOrder(first, erp.ensureCustomer(first.customer()));
    clock.advance(java.time.Duration.ofMillis(1500));
    SalesOrder second = order(line(1, material(900), 1, 900));
    erp.createSalesOrder(second, erp.ensureCustomer(second.customer()));

    assertThat(erp.operations().salesOrdersCreatedAt(first.shopCode())).containsOnly(
        Map.entry(first.orderNo().value(), Instant.parse("2025-11-10T16:30:00Z")),
        Map.entry(second.orderNo().value(), Instant.parse("2025-11-10T16:30:01.500Z")));
    assertThat(erp.operations().salesOrdersCreatedAt("no-such-shop")).isEmpty();
  }

  @Test
  void storesHeaderReceiverAndLinesAsGiven() {
    SalesOrder order = order(line(1, material(5990), 2, 5990), line(2, material(850), 3, 850));

    ErpDocNo docNo = erp.createSalesOrder(order, erp.ensureCustomer(order.customer()));

    Map<String, Object> header = DATABASE.get().jdbc().sql("select * from erp_sales_order where doc_no = :d")
        .param("d", docNo.value()).query().singleRow();
    assertThat(header).containsEntry("shop_code", order.shopCode())
        .containsEntry("channel_order_no", order.orderNo().value())
        .containsEntry("status", "CONFIRMED")
        .containsEntry("post_fee_fen", 1000L)
        .containsEntry("total_fen", order.totalFen())
        .containsEntry("receiver_city", "杭州市")
        .containsEntry("receiver_phone", null)
        .containsEntry("buyer_message", "请尽快发货")
        .containsEntry("seller_memo", null);
    assertThat((String) header.get("receiver_name")).as("sealed at rest").startsWith("enc:1:").doesNotContain("张");
    assertThat((String) header.get("receiver_address")).as("sealed at rest").startsWith("enc:1:");
    assertThat(paidAt(docNo)).isEqualTo(ErpTestData.PAID_AT);
    assertThat(DATABASE.get().jdbc().sql("""
            select line_no, external_line_id, material, quantity, list_price_fen, amount_fen
              from erp_sales_order_line where doc_no = :d order by line_no""")
        .param("d", docNo.value()).query().listOfRows())
        .extracting(row -> List.copyOf(row.values()))
        .containsExactly(
            List.of(1, "oid-1", order.lines().get(0).material().value(), 2, 5990L, 11980L),
            List.of(2, "oid-2", order.lines().get(1).material().value(), 3, 850L, 2550L));
  }

  @Test
  void verificationTotalComesFromTheLinesNotFromTheHeader() {
    SalesOrder order = order(line(1, material(5990), 2, 5990));
    ErpDocNo docNo = erp.createSalesOrder(order, erp.ensureCustomer(order.customer()));

    DATABASE.get().jdbc().sql("update erp_sales_order set total_fen = 1 where doc_no = :d").param("d", docNo.value()).update();
    DATABASE.get().jdbc().sql("update erp_sales_order_line set amount_fen = 11000 where doc_no = :d").param("d", docNo.value()).update();

    assertThat(erp.findByChannelOrder(order.shopCode(), order.orderNo()))
        .hasValueSatisfying(found -> assertThat(found.totalFen()).isEqualTo(11000 + 1000));
  }

  @Test
  void batchLookUpOfMoreThanAThousandNumbersFindsEachOrderOnceAndOnlyInItsShop() {
    SalesOrder first = order(line(1, material(2500), 1, 2500));
    SalesOrder second = data.order(first.shopCode(), data.orderNo(), 0, List.of(line(1, material(900), 2, 900)));
    SalesOrder otherShop = data.order(new ErpTestData().shopCode(), data.orderNo(), 0, List.of(line(1, material(300), 1, 300)));
    for (SalesOrder o : List.of(first, second, otherShop)) {
      erp.createSalesOrder(o, erp.ensureCustomer(o.customer()));
    }
    List<com.tmallbridge.core.ChannelOrderNo> numbers = new java.util.ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      numbers.add(data.orderNo());
    }
    numbers.set(0, first.orderNo());
    numbers.set(1500, second.orderNo());
    numbers.set(2400, first.orderNo());
    numbers.set(2401, otherShop.orderNo());
    numbers.set(2499, second.orderNo());

    var found = erp.findByChannelOrders(first.shopCode(), numbers);

    assertThat(found).containsOnlyKeys(first.orderNo(), second.orderNo());
    assertThat(found.get(first.orderNo()).totalFen()).isEqualTo(1000 + 2500);
    assertThat(found.get(second.orderNo()).totalFen()).isEqualTo(2 * 900);
    assertThat(found.get(second.orderNo()).lineCount()).isEqualTo(1);
    assertThat(erp.findByChannelOrders(otherShop.shopCode(), numbers)).containsOnlyKeys(otherShop.orderNo());
  }

  @Test
  void orderRejectedForUnknownMaterialNamesEveryMissingCode() {
    MaterialCode missingA = data.materialCode();
    MaterialCode missingB = data.materialCode();
    SalesOrder order = order(line(1, missingB, 1, 100), line(2, material(100), 1, 100), line(3, missingA, 1, 100));
    ErpDocNo customer = erp.ensureCustomer(order.customer());

    assertThatThrownBy(() -> erp.createSalesOrder(order, customer))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-001"))
        .hasMessageContaining(missingA.value() + ", " + missingB.value());
  }

  @Test
  void orderRepeatingALineNumberIsInvalid() {
    MaterialCode m = material(100);
    SalesOrder order = order(line(1, m, 1, 100), line(1, m, 2, 100));

    assertThatThrownBy(() -> erp.createSalesOrder(order, erp.ensureCustomer(order.customer())))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-002"))
        .hasMessageContaining("repeats line number 1");
  }

  @Test
  void orderWithANegativeAmountOrPostFeeIsInvalid() {
    MaterialCode m = material(100);
    SalesOrder negativeLine = order(new SalesOrderLine(1, "oid-1", m, 1, 100, -100, "refund?"));
    SalesOrder negativePostFee = data.order(data.shopCode(), data.orderNo(), -500, List.of(line(1, m, 1, 1000)));
    ErpDocNo customer = erp.ensureCustomer(negativeLine.customer());

    assertThatThrownBy(() -> erp.createSalesOrder(negativeLine, customer)).satisfies(e -> assertPermanent(e, "EMBEDDED-002"));
    assertThatThrownBy(() -> erp.createSalesOrder(negativePostFee, customer)).satisfies(e -> assertPermanent(e, "EMBEDDED-002"));
  }

  @Test
  void orderForAnUnknownCustomerNamesTheCustomer() {
    SalesOrder order = order(line(1, material(100), 1, 100));

    assertThatThrownBy(() -> erp.createSalesOrder(order, new ErpDocNo("C99999999")))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-005"))
        .hasMessageContaining("C99999999");
  }

  @Test
  void healthCheckCountsWhatTheErpHolds() {
    material(100);

    assertThat(erp.check().ok()).isTrue();
    assertThat(erp.check().detail()).matches("built-in ERP: \\d+ active materials, 1 warehouses, \\d+ customers, \\d+ sales orders");
  }

  private MaterialCode material(long priceFen) {
    MaterialCode code = data.materialCode();
    erp.upsertMaterial(data.material(code, priceFen));
    return code;
  }

  private SalesOrder order(SalesOrderLine... lines) {
    return data.order(data.shopCode(), data.orderNo(), 1000, List.of(lines));
  }

  private static Instant paidAt(ErpDocNo docNo) {
    return DATABASE.get().jdbc().sql("select paid_at from erp_sales_order where doc_no = :d").param("d", docNo.value())
        .query((rs, row) -> rs.getObject("paid_at", OffsetDateTime.class).toInstant()).single();
  }

  static void assertPermanent(Throwable thrown, String code) {
    assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
      assertThat(e.retryable()).isFalse();
      assertThat(e.errorCode().code()).isEqualTo(code);
    });
  }
}
