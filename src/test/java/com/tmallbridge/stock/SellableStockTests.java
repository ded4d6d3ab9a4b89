package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.StockLedger;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Inside the import transaction a remote ERP is never called: on-hand is what the last read saw,
 * and materials never read are left out; a local ERP is read then and there.
 */
class SellableStockTests {
  private static final MaterialCode A = new MaterialCode("A");
  private static final MaterialCode B = new MaterialCode("B");

  private final ReservationRepository reservations = mock(ReservationRepository.class);
  private final RuleRepository rules = mock(RuleRepository.class);

  SellableStockTests() {
    when(reservations.openByMaterial(any())).thenReturn(Map.of(A, 3L));
    when(rules.safety(any())).thenReturn(Map.of());
  }

  @Test
  void aRemoteErpIsNotCalledWithinTheImportAndItsLastReadOnHandCounts() {
    Ledger erp = new Ledger(ErpConnector.Locality.REMOTE);
    SellableStock stock = new SellableStock(new ErpRegistry(List.of(erp), "fake"), reservations, rules);

    assertThat(stock.sellableWithinTransaction(List.of(A))).isEmpty();
    assertThat(erp.calls).hasValue(0);

    erp.onHand.put(A, 10L);
    stock.read(List.of(A));
    erp.onHand.put(A, 1L);

    assertThat(stock.sellableWithinTransaction(List.of(A, B))).containsExactly(Map.entry(A, 7L));
    assertThat(erp.calls).hasValue(1);
  }

  @Test
  void aLocalErpIsReadWithinTheImport() {
    Ledger erp = new Ledger(ErpConnector.Locality.LOCAL);
    erp.onHand.put(A, 10L);
    SellableStock stock = new SellableStock(new ErpRegistry(List.of(erp), "fake"), reservations, rules);

    assertThat(stock.sellableWithinTransaction(List.of(A))).containsExactly(Map.entry(A, 7L));
    assertThat(erp.calls).hasValue(1);
  }

  @Test
  void safetyStockIsReadForTheTradesMaterialsOnly() {
    Ledger erp = new Ledger(ErpConnector.Locality.LOCAL);
    erp.onHand.put(A, 10L);
    when(rules.safety(List.of(A))).thenReturn(Map.of(A, 2L));
    SellableStock stock = new SellableStock(new ErpRegistry(List.of(erp), "fake"), reservations, rules);

    assertThat(stock.sellableWithinTransaction(List.of(A))).containsExactly(Map.entry(A, 5L));
    org.mockito.Mockito.verify(rules, org.mockito.Mockito.never()).safety();
  }

  /** An ERP with a stock ledger of one warehouse that counts its on-hand reads. */
  private static final class Ledger implements ErpConnector, StockLedger {
    final Map<MaterialCode, Long> onHand = new HashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    private final Locality locality;

    Ledger(Locality locality) {
      this.locality = locality;
    }

    @Override
    public String id() {
      return "fake";
    }

    @Override
    public String displayName() {
      return "fake";
    }

    @Override
    public Health check() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Locality locality() {
      return locality;
    }

    @Override
    public void book(String warehouse, MaterialCode material, long quantity, String reason, String reference) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Long> onHand(MaterialCode material) {
      return onHand(List.of(material)).getOrDefault(material, Map.of());
    }

    @Override
    public Map<MaterialCode, Map<String, Long>> onHand(Collection<MaterialCode> materials) {
      calls.incrementAndGet();
      Map<MaterialCode, Map<String, Long>> result = new HashMap<>();
      materials.stream().filter(onHand::containsKey).forEach(m -> result.put(m, Map.of("WH", onHand.get(m))));
      return result;
    }

    @Override
    public List<String> warehouses() {
      return List.of("WH");
    }

    @Override
    public StockChanges changesAfter(String cursor, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<MaterialCode, Map<String, Long>> deliveredBetween(Instant from, Instant to) {
      throw new UnsupportedOperationException();
    }
  }
}
