package com.tmallbridge.sandbox.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The real Tryton server answers, is set up for the bridge and runs from a work directory of its own. */
class TrytonServerTests {

  @Test
  void answersWithTheSetUpCompanyCurrencyAndWarehouse() {
    TrytonServer server = SharedTrytonServer.get();

    TrytonRpc bridge = new TrytonRpc(server.url(), TrytonServer.DATABASE, TrytonServer.USER, TrytonServer.PASSWORD).login();

    assertThat(bridge.context()).containsKey("company");
    JsonNode currency = bridge.model("currency.currency", "search_read", List.of(List.of("code", "=", "CNY")), 0, 1, null, List.of("digits"));
    assertThat(currency).hasSize(1);
    JsonNode warehouses = bridge.model("stock.location", "search_read", List.of(List.of("type", "=", "warehouse")), 0, 10, null, List.of("code"));
    assertThat(warehouses).isNotEmpty();
    assertThat(server.workDir().resolve("trytond.log")).exists();
  }
}
