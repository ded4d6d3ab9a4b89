package com.tmallbridge.sandbox.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.RunsAlongside;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The real Tryton server answers, is set up for the bridge and runs from a work directory of its own. */
@RunsAlongside("waits for the shared Tryton server; uses Tryton only from the second lane")
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

  /**
   * Tryton on SQLite numbers documents from a sequence it reads and writes back without a lock; the
   * server serves one request at a time, so parallel creates never share a number (party codes come
   * from such a sequence, as sale and shipment numbers do).
   */
  @Test
  void documentsCreatedInParallelGetNumbersOfTheirOwn() throws Exception {
    TrytonServer server = SharedTrytonServer.get();
    TrytonRpc admin = server.admin();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<Long>> created = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int n = i;
        created.add(pool.submit(() -> admin.model("party.party", "create", List.of(java.util.Map.of("name", "parallel " + n))).get(0).asLong()));
      }
      List<Long> ids = new java.util.ArrayList<>();
      for (var f : created) {
        ids.add(f.get());
      }
      JsonNode codes = admin.model("party.party", "read", ids, List.of("code"));
      assertThat(codes).hasSize(30);
      assertThat(java.util.stream.StreamSupport.stream(codes.spliterator(), false).map(c -> c.get("code").asString()).distinct().count())
          .isEqualTo(30);
    } finally {
      pool.shutdownNow();
    }
  }
}
