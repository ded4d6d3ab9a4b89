package com.tmallbridge.erp.embedded;

import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.embedded.StockRepository.StockMove;
import java.time.Clock;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books stock moves after checking them: a non-zero quantity, a reason, a reference, a known
 * warehouse and a known material (active or not: stock of a withdrawn material still moves).
 * Stock may go negative, as shipments are sometimes booked before the receipt that covers them.
 */
final class StockBookkeeper {
  private final StockRepository stock;
  private final MaterialRepository materials;
  private final Clock clock;
  private final TransactionTemplate transaction;

  StockBookkeeper(StockRepository stock, MaterialRepository materials, Clock clock, TransactionTemplate transaction) {
    this.stock = stock;
    this.materials = materials;
    this.clock = clock;
    this.transaction = transaction;
  }

  /** @return whether the move was booked now; false when its reference was booked before */
  boolean book(StockMove move) {
    if (move.quantity() == 0 || move.reason().isBlank() || move.reference().isBlank()) {
      throw invalid(move, "needs a non-zero quantity, a reason and a reference");
    }
    if (!stock.warehouseExists(move.warehouse())) {
      throw invalid(move, "names unknown warehouse " + move.warehouse());
    }
    if (!materials.exists(move.material())) {
      throw new ConnectorException(EmbeddedErrorCode.UNKNOWN_MATERIAL, false,
          "stock move " + move.reference() + " names unknown material " + move.material());
    }
    // The move id's counter and the move must commit together (see StockRepository.insertMove).
    return Boolean.TRUE.equals(transaction.execute(status -> stock.insertMove(move, clock.instant())));
  }

  private static ConnectorException invalid(StockMove move, String problem) {
    return new ConnectorException(EmbeddedErrorCode.INVALID_STOCK_MOVE, false, "stock move " + move.reference() + " " + problem);
  }
}
