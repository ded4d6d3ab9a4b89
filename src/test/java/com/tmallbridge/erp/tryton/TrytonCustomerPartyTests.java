package com.tmallbridge.erp.tryton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.sandbox.erp.TrytonRpc;
import com.tmallbridge.testsupport.RunsAlongside;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code bridge.erp.tryton.customer-party}: every sale goes to one configured party and no party is
 * created per buyer; a party Tryton lacks is a permanent error naming the setting.
 */
@RunsAlongside("waits for the shared Tryton server")
class TrytonCustomerPartyTests {
  private final ErpTestData data = new ErpTestData();

  @Test
  void everySaleGoesToTheConfiguredPartyAndNoBuyerPartyIsCreated() {
    TrytonRpc admin = SharedTrytonServer.get().admin();
    String retail = "RETAIL-" + data.tag();
    admin.model("party.party", "create", List.of(Map.of("name", "天猫散客 " + data.tag(), "code", retail)));
    TrytonProperties properties = TrytonTestConnection.properties().withCustomerParty(retail);
    TrytonConnector connector = new TrytonConnector(new TrytonClient(properties), properties);
    MaterialCode m = data.materialCode();
    connector.upsertMaterial(data.material(m, 1990));
    SalesOrder order = data.order(data.shopCode(), data.orderNo(), 0, List.of(ErpTestData.line(1, m, 1, 1990)));

    ErpDocNo customer = connector.ensureCustomer(order.customer());
    connector.createSalesOrder(order, customer);

    assertThat(customer.value()).isEqualTo(retail);
    assertThat(admin.model("party.party", "search_count", List.of(List.of("code", "=", order.customer().externalKey())))
        .asLong()).isZero();
    JsonNode sale = admin.model("sale.sale", "search_read",
        List.of(List.of("reference", "=", "tb:" + data.shopCode() + ":" + order.orderNo().value())), 0, null, null, List.of("party"));
    JsonNode party = admin.model("party.party", "read", List.of(sale.get(0).get("party").asLong()), List.of("code"));
    assertThat(party.get(0).get("code").asString()).isEqualTo(retail);
  }

  @Test
  void aPartyTrytonLacksIsAPermanentErrorNamingTheSetting() {
    TrytonProperties properties = TrytonTestConnection.properties().withCustomerParty("NO-SUCH-" + data.tag());
    TrytonConnector connector = new TrytonConnector(new TrytonClient(properties), properties);

    assertThatThrownBy(() -> connector.ensureCustomer(data.customer(1)))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.errorCode().code()).isEqualTo("TRYTON-006");
        })
        .hasMessageContaining("bridge.erp.tryton.customer-party");
  }
}
