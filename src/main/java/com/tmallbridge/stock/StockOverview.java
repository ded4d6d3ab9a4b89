package com.tmallbridge.stock;

import com.tmallbridge.core.ShopId;
import org.jspecify.annotations.Nullable;

/**
 * One listing on the console's stock screen: its figures ({@link StockLine}, sellable read from
 * the ERP now) and the rule that produced its wanted figure.
 *
 * @param shop the shop's id (for scoping)
 * @param line the figures
 * @param rule the rule that applied
 */
public record StockOverview(ShopId shop, StockLine line, AppliedRule rule) {

  /**
   * Sellable now minus the figure last published: negative when Tmall shows more than there is to
   * sell, positive when it shows less; null before the first push.
   */
  public @Nullable Long drift() {
    return line.pushed() == null ? null : line.sellable() - line.pushed();
  }
}
