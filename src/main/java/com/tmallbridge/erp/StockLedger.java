package com.tmallbridge.erp;

import com.tmallbridge.core.MaterialCode;
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
}
