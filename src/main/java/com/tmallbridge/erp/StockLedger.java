package com.tmallbridge.erp;

import com.tmallbridge.core.MaterialCode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Stock movements and on-hand figures. */
public interface StockLedger {

  /**
   * Records a movement of {@code quantity} (positive in, negative out) of {@code material} in
   * {@code warehouse} with a reason, e.g. {@code RECEIPT}, {@code ADJUSTMENT}. Idempotent on
   * {@code reference}: a movement with a reference already booked is ignored.
   */
  void book(String warehouse, MaterialCode material, long quantity, String reason, String reference);

  /** On-hand quantity per warehouse for one material (warehouses with no movement are absent). */
  Map<String, Long> onHand(MaterialCode material);

  /**
   * On-hand quantity per warehouse for several materials in one call. Materials with no movement
   * are absent from the result.
   *
   * @throws ConnectorException on failure
   */
  Map<MaterialCode, Map<String, Long>> onHand(Collection<MaterialCode> materials);

  /** The ERP's warehouse codes, ordered. */
  List<String> warehouses();

  /**
   * Materials whose on-hand stock changed after {@code cursor}, so a caller can recompute only
   * those. At-least-once: a material may be reported again.
   *
   * @param cursor an opaque position from an earlier call; {@code ""} reads from the beginning
   * @param limit at most this many changes are read
   * @throws ConnectorException on failure
   */
  StockChanges changesAfter(String cursor, int limit);

  /**
   * Units that left each warehouse by delivery (sales shipments, not adjustments) in
   * {@code [from, to)}, per material and warehouse: the sales history that replenishment
   * suggestions use.
   *
   * @throws ConnectorException on failure
   */
  Map<MaterialCode, Map<String, Long>> deliveredBetween(Instant from, Instant to);

  /**
   * One page of {@link #changesAfter}.
   *
   * @param materials changed materials, without duplicates
   * @param cursor the position to pass next time
   * @param more whether more changes follow
   */
  record StockChanges(List<MaterialCode> materials, String cursor, boolean more) {

    public StockChanges {
      materials = List.copyOf(materials);
    }
  }
}
