package com.tmallbridge.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.MaterialCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErpRegistryTests {
  private final ErpConnector plain = new PlainConnector("plain");
  private final ErpConnector withStock = new StockConnector("stocky");

  @Test
  void activatesTheConfiguredConnector() {
    ErpRegistry registry = new ErpRegistry(List.of(plain, withStock), "stocky");

    assertThat(registry.active()).isSameAs(withStock);
  }

  @Test
  void refusesTwoConnectorsWithOneId() {
    ErpConnector twin = new StockConnector("plain");

    assertThatThrownBy(() -> new ErpRegistry(List.of(plain, twin), "plain"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'plain'")
        .hasMessageContaining(PlainConnector.class.getName())
        .hasMessageContaining(StockConnector.class.getName());
  }

  @Test
  void refusesAnUnknownActiveIdOnFirstUseNamingTheKnownOnes() {
    ErpRegistry registry = new ErpRegistry(List.of(plain, withStock), "kingdee");
    assertThatThrownBy(registry::active)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'kingdee'")
        .hasMessageContaining("[plain, stocky]");
  }

  @Test
  void looksUpCapabilitiesOfTheActiveConnector() {
    ErpRegistry registry = new ErpRegistry(List.of(plain, withStock), "stocky");

    assertThat(registry.supports(StockLedger.class)).isTrue();
    assertThat(registry.capability(StockLedger.class)).isSameAs(withStock);
    assertThat(registry.supports(SalesOrderSink.class)).isFalse();
    assertThatThrownBy(() -> registry.capability(SalesOrderSink.class))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("stocky")
        .hasMessageContaining("SalesOrderSink");
  }

  @Test
  void aConnectorIsRemoteUnlessItSaysItJoinsTheBridgesTransaction() {
    ErpConnector local = new PlainConnector("local") {
      @Override
      public Locality locality() {
        return Locality.LOCAL;
      }
    };

    assertThat(new ErpRegistry(List.of(plain, local), "plain").activeIsRemote()).isTrue();
    assertThat(new ErpRegistry(List.of(plain, local), "local").activeIsRemote()).isFalse();
  }

  @Test
  void capabilityOfAnInactiveConnectorIsNotOffered() {
    ErpRegistry registry = new ErpRegistry(List.of(plain, withStock), "plain");

    assertThat(registry.supports(StockLedger.class)).isFalse();
  }

  private static class PlainConnector implements ErpConnector {
    private final String id;

    PlainConnector(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String displayName() {
      return "Test " + id;
    }

    @Override
    public Health check() {
      return new Health(true, "fine");
    }
  }

  private static final class StockConnector extends PlainConnector implements StockLedger {
    StockConnector(String id) {
      super(id);
    }

    @Override
    public void book(String warehouse, MaterialCode material, long quantity, String reason, String reference) {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public Map<String, Long> onHand(MaterialCode material) {
      return Map.of();
    }

    @Override
    public Map<MaterialCode, Map<String, Long>> onHand(java.util.Collection<MaterialCode> materials) {
      return Map.of();
    }

    @Override
    public java.util.List<String> warehouses() {
      return java.util.List.of();
    }

    @Override
    public StockChanges changesAfter(String cursor, int limit) {
      return new StockChanges(java.util.List.of(), cursor, false);
    }

    @Override
    public Map<MaterialCode, Map<String, Long>> deliveredBetween(java.time.Instant from, java.time.Instant to) {
      return Map.of();
    }
  }
}
