package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Holds {@code quantity} units for one shop during {@code [from, to)}: other shops see the stock
 * without them. Targets a material, or a listing ({@code numIid}[, {@code skuId}]) whose
 * components are then locked ({@code quantity} × component quantity each).
 *
 * @param id assigned when stored; 0 before
 */
public record PromotionLock(
    long id,
    ShopId shop,
    @Nullable MaterialCode material,
    @Nullable String numIid,
    @Nullable String skuId,
    long quantity,
    Instant from,
    Instant to,
    @Nullable String note) {

  /**
   * Checks the values.
   *
   * @throws InvalidStockRuleException naming the first wrong value
   */
  public PromotionLock validate() {
    if ((material == null) == (numIid == null || numIid.isBlank())) {
      throw new InvalidStockRuleException("a lock targets either a material (--material) or a listing (--num-iid [--sku-id]), not both or neither");
    }
    if (quantity <= 0) {
      throw new InvalidStockRuleException("lock quantity must be positive, got " + quantity);
    }
    if (!from.isBefore(to)) {
      throw new InvalidStockRuleException("lock start " + from + " must be before its end " + to);
    }
    return this;
  }

  /** Whether the lock holds stock at {@code now}. */
  public boolean activeAt(Instant now) {
    return !now.isBefore(from) && now.isBefore(to);
  }
}
