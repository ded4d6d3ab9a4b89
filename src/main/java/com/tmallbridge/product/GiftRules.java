package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.List;

/**
 * Decides which gifts (赠品) a paid trade earns. Deterministic: the same trade gives the same
 * gifts as long as the rules are unchanged, because time windows are tested against the trade's
 * pay time, never the clock. Thread-safe; reads only.
 */
public interface GiftRules {

  /** The shop's active rules as they are now, read once, to apply to a page of trades. */
  ShopGifts forShop(ShopId shop);

  /** The active gift rules of one shop, held in memory. */
  @FunctionalInterface
  interface ShopGifts {
    /**
     * The gifts for a paid trade, in rule id order (at most one per rule).
     *
     * @param paidAt when the buyer paid
     * @param paymentFen what the buyer paid in total (post fee included)
     * @param lines the trade's lines after matching
     */
    List<Gift> giftsFor(Instant paidAt, long paymentFen, List<TradeLine> lines);
  }

  /**
   * A line of the trade as the gift rules see it.
   *
   * @param numIid the item
   * @param skuId the SKU, {@code ""} for items without SKUs
   * @param code the material or combo code the line matched
   * @param components the materials it stands for
   * @param quantity units bought
   */
  record TradeLine(String numIid, String skuId, String code, List<Component> components, int quantity) {}

  /**
   * A gift earned.
   *
   * @param ruleId the rule; the ERP line id is {@code gift-<ruleId>}
   * @param material the gift material
   * @param quantity units, at least 1
   */
  record Gift(long ruleId, MaterialCode material, int quantity) {
    public String lineId() {
      return "gift-" + ruleId;
    }
  }
}
