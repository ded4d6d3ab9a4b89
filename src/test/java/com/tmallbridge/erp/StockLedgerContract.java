package com.tmallbridge.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.MaterialCode;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link StockLedger}: on-hand is what was booked, per warehouse, and a reference is
 * booked at most once. Part of {@link ErpConnectorContract}.
 */
public interface StockLedgerContract extends ErpContractFixture {

  @Test
  default void onHandIsTheSumOfBookedMovesInTheWarehouse() {
    StockLedger ledger = capability(StockLedger.class);
    MaterialCode material = saleableMaterial(1000);

    ledger.book(stockWarehouse(), material, 10, "RECEIPT", "ct-" + data().tag() + "-in");
    ledger.book(stockWarehouse(), material, -3, "ADJUSTMENT", "ct-" + data().tag() + "-out");

    assertThat(ledger.onHand(material)).containsExactlyEntriesOf(java.util.Map.of(stockWarehouse(), 7L));
  }

  @Test
  default void bookingAReferenceAgainChangesNothing() {
    StockLedger ledger = capability(StockLedger.class);
    MaterialCode material = saleableMaterial(1000);
    String reference = "ct-" + data().tag() + "-once";

    ledger.book(stockWarehouse(), material, 5, "RECEIPT", reference);
    ledger.book(stockWarehouse(), material, 5, "RECEIPT", reference);
    ledger.book(stockWarehouse(), material, 99, "RECEIPT", reference);

    assertThat(ledger.onHand(material)).containsEntry(stockWarehouse(), 5L);
  }

  @Test
  default void materialWithoutMovesHasNoOnHandEntries() {
    StockLedger ledger = capability(StockLedger.class);

    assertThat(ledger.onHand(saleableMaterial(1000))).isEmpty();
  }

  @Test
  default void movingAnUnknownMaterialIsRejectedPermanently() {
    StockLedger ledger = capability(StockLedger.class);
    MaterialCode unknown = data().materialCode();

    assertThatThrownBy(() -> ledger.book(stockWarehouse(), unknown, 1, "RECEIPT", "ct-" + data().tag() + "-unknown"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining(unknown.value());
  }
}
