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

  @Test
  default void bulkOnHandAgreesWithSingleReadsAndLeavesOutMaterialsWithoutMoves() {
    StockLedger ledger = capability(StockLedger.class);
    MaterialCode a = saleableMaterial(1000);
    MaterialCode b = saleableMaterial(1000);
    MaterialCode none = saleableMaterial(1000);
    ledger.book(stockWarehouse(), a, 7, "RECEIPT", "ct-" + data().tag() + "-a");
    ledger.book(stockWarehouse(), b, 2, "RECEIPT", "ct-" + data().tag() + "-b");
    ledger.book(stockWarehouse(), b, -5, "ADJUSTMENT", "ct-" + data().tag() + "-b2");

    java.util.Map<MaterialCode, java.util.Map<String, Long>> all = ledger.onHand(java.util.List.of(a, b, none, a));

    assertThat(all).containsOnlyKeys(a, b);
    assertThat(all.get(a)).isEqualTo(ledger.onHand(a)).containsEntry(stockWarehouse(), 7L);
    assertThat(all.get(b)).isEqualTo(ledger.onHand(b)).containsEntry(stockWarehouse(), -3L);
    assertThat(ledger.onHand(java.util.List.of())).isEmpty();
  }

  @Test
  default void warehousesAreListedInOrderAndIncludeTheStockWarehouse() {
    StockLedger ledger = capability(StockLedger.class);

    java.util.List<String> warehouses = ledger.warehouses();

    assertThat(warehouses).contains(stockWarehouse()).isSorted().doesNotHaveDuplicates();
  }

  @Test
  default void changesAfterACursorNameEveryMovedMaterialPageByPage() {
    StockLedger ledger = capability(StockLedger.class);
    MaterialCode a = saleableMaterial(1000);
    MaterialCode b = saleableMaterial(1000);
    MaterialCode untouched = saleableMaterial(1000);
    String cursor = endOfChanges(ledger);

    ledger.book(stockWarehouse(), a, 3, "RECEIPT", "ct-" + data().tag() + "-a1");
    ledger.book(stockWarehouse(), b, 4, "RECEIPT", "ct-" + data().tag() + "-b1");
    ledger.book(stockWarehouse(), a, -1, "ADJUSTMENT", "ct-" + data().tag() + "-a2");

    java.util.Set<MaterialCode> seen = new java.util.HashSet<>();
    for (int guard = 0; guard < 1000; guard++) {
      StockLedger.StockChanges page = ledger.changesAfter(cursor, 1);
      assertThat(page.materials()).hasSizeLessThanOrEqualTo(1);
      seen.addAll(page.materials());
      cursor = page.cursor();
      if (!page.more()) {
        break;
      }
    }
    assertThat(seen).contains(a, b).doesNotContain(untouched);
    assertThat(ledger.changesAfter(cursor, 100).materials()).doesNotContain(a, b);
  }

  /** The cursor after every change the ERP holds now. */
  private static String endOfChanges(StockLedger ledger) {
    String cursor = "";
    for (int guard = 0; guard < 100_000; guard++) {
      StockLedger.StockChanges page = ledger.changesAfter(cursor, 1000);
      cursor = page.cursor();
      if (!page.more()) {
        return cursor;
      }
    }
    throw new AssertionError("the stock change feed never ended");
  }
}
