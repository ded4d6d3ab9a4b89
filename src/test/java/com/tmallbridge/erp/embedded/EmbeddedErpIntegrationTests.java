package com.tmallbridge.erp.embedded;

import static com.tmallbridge.erp.ErpTestData.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.DeliveryFeed;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The built-in ERP as Spring wires it: found by the registry, configured, joining Spring transactions. */
@ApplicationModuleTest(extraIncludes = {"secret", "audit"})
@TestPropertySource(properties = "bridge.erp.embedded.zone=Pacific/Kiritimati")
class EmbeddedErpIntegrationTests extends SpringDatabaseTestBase {
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

  @Autowired ErpRegistry registry;
  @Autowired TransactionTemplate transaction;
  @Autowired EmbeddedErpOperations operations;

  private final ErpTestData data = new ErpTestData();

  @Test
  void isTheDefaultActiveErpWithEveryCapability() {
    assertThat(registry.active().id()).isEqualTo("embedded");
    assertThat(registry.active().displayName()).isEqualTo("Built-in ERP");
    assertThat(List.of(MaterialCatalog.class, CustomerSink.class, SalesOrderSink.class, SalesOrderQuery.class, StockLedger.class,
            DeliveryFeed.class))
        .allMatch(registry::supports);
    assertThat(registry.active().check().ok()).isTrue();
  }

  @Test
  void offersItsOperationsAsABeanWorkingOnTheActiveErpsTables() {
    SalesOrder order = order();
    ErpDocNo docNo = create(order);

    ErpDelivery delivery = operations.ship(Shipment.inFull(docNo, "WH01", "ZTO", "ZT1", "it-" + data.tag()));

    DeliveryPage page = registry.capability(DeliveryFeed.class).deliveriesAfter("", Integer.MAX_VALUE);
    assertThat(page.deliveries()).contains(delivery);
    assertThat(registry.capability(SalesOrderQuery.class).findByChannelOrder(order.shopCode(), order.orderNo()))
        .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(com.tmallbridge.erp.ErpOrderStatus.DELIVERED));
  }

  @Test
  void datesDocumentNumbersInTheConfiguredZone() {
    String before = LocalDate.now(KIRITIMATI).format(DateTimeFormatter.BASIC_ISO_DATE);
    ErpDocNo docNo = create(order());
    String after = LocalDate.now(KIRITIMATI).format(DateTimeFormatter.BASIC_ISO_DATE);

    assertThat(docNo.value().substring(2, 10)).isIn(before, after);
  }

  @Test
  void rollsBackWithTheSpringTransactionItRunsIn() {
    SalesOrder order = order();

    transaction.executeWithoutResult(status -> {
      create(order);
      status.setRollbackOnly();
    });

    assertThat(registry.capability(SalesOrderQuery.class).findByChannelOrder(order.shopCode(), order.orderNo())).isEmpty();
  }

  private SalesOrder order() {
    MaterialCode code = data.materialCode();
    registry.capability(MaterialCatalog.class).upsertMaterial(data.material(code, 1000));
    return data.order(data.shopCode(), data.orderNo(), 0, List.of(line(1, code, 1, 1000)));
  }

  private ErpDocNo create(SalesOrder order) {
    ErpDocNo customer = registry.capability(CustomerSink.class).ensureCustomer(order.customer());
    return registry.capability(SalesOrderSink.class).createSalesOrder(order, customer);
  }
}
