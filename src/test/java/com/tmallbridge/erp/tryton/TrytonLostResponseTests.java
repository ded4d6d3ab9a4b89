package com.tmallbridge.erp.tryton;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.testsupport.RunsAlongside;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A sale create whose answer is lost (Tryton committed the draft, the bridge saw an I/O error)
 * followed by the retry the sync engine makes: one sale, completed by the retry.
 */
@RunsAlongside("waits for the shared Tryton server")
class TrytonLostResponseTests {
  private final ErpTestData data = new ErpTestData();

  /** A client that performs the first {@code sale.sale.create} and then reports a broken connection. */
  private static final class LosingClient extends TrytonClient {
    private final AtomicBoolean lost = new AtomicBoolean();

    LosingClient(TrytonProperties properties) {
      super(properties);
    }

    @Override
    JsonNode call(String model, String method, Map<String, ?> extraContext, List<?> args) {
      JsonNode result = super.call(model, method, extraContext, args);
      if ("sale.sale".equals(model) && "create".equals(method) && lost.compareAndSet(false, true)) {
        throw new ConnectorException(TrytonErrorCode.UNAVAILABLE, true, "connection reset (simulated after the commit)");
      }
      return result;
    }
  }

  @Test
  void aRetryAfterALostResponseCompletesTheFirstSaleInsteadOfCreatingASecond() {
    TrytonProperties properties = TrytonTestConnection.properties();
    TrytonConnector connector = new TrytonConnector(new LosingClient(properties), properties);
    MaterialCode material = data.materialCode();
    connector.upsertMaterial(data.material(material, 1250));
    SalesOrder order = data.order(data.shopCode(), data.orderNo(), 500, List.of(ErpTestData.line(1, material, 4, 1250)));
    ErpDocNo customer = connector.ensureCustomer(order.customer());

    assertThatThrownBy(() -> connector.createSalesOrder(order, customer))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(connector.findByChannelOrder(order.shopCode(), order.orderNo())).as("a draft is not an order yet").isEmpty();

    ErpDocNo retried = connector.createSalesOrder(order, customer);
    ErpDocNo again = connector.createSalesOrder(order, customer);

    assertThat(again).isEqualTo(retried);
    List<ErpSalesOrderSummary> mine = new ArrayList<>();
    connector.forEachChannelOrder(s -> {
      if (s.shopCode().equals(order.shopCode())) {
        mine.add(s);
      }
    });
    assertThat(mine).singleElement().satisfies(s -> {
      assertThat(s.docNo()).isEqualTo(retried);
      assertThat(s.totalFen()).isEqualTo(4 * 1250 + 500);
      assertThat(s.status()).isEqualTo(ErpOrderStatus.OPEN);
    });
  }

  @Test
  void aLineWhoseAmountDoesNotDivideIntoWholeFenStillAddsUpToTheOrderTotal() {
    TrytonConnector connector = TrytonTestConnection.connector();
    MaterialCode material = data.materialCode();
    connector.upsertMaterial(data.material(material, 400));
    var line = new com.tmallbridge.core.SalesOrderLine(1, "oid-1", material, 3, 400, 1000, "three for ten yuan");
    SalesOrder order = data.order(data.shopCode(), data.orderNo(), 0, List.of(line));

    connector.createSalesOrder(order, connector.ensureCustomer(order.customer()));

    assertThat(connector.findByChannelOrder(order.shopCode(), order.orderNo())).hasValueSatisfying(s -> {
      assertThat(s.totalFen()).isEqualTo(1000);
      assertThat(s.lineCount()).isEqualTo(1);
    });
  }
}
