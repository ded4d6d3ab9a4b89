package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A gift rule (赠品规则): when a paid trade of the shop matches, a zero-priced line of
 * {@code gift} is added to its ERP sales order.
 *
 * <p>A trade matches when it was paid within [{@code validFrom}, {@code validTo}) (open ends when
 * null), its payment is at least {@code minPaymentFen}, and the trigger matches: {@code ANY} —
 * every trade; {@code SKU} — a line of item {@code triggerNumIid} (and SKU {@code triggerSkuId}
 * unless null); {@code MATERIAL} — a line whose material or combo code, or one of whose combo
 * components, is {@code triggerCode}.
 *
 * @param id assigned on creation (0 before)
 * @param quantity units given per trade, or per unit of the triggering lines when {@code perUnit}
 */
public record GiftRule(
    long id,
    ShopId shop,
    Trigger trigger,
    @Nullable String triggerNumIid,
    @Nullable String triggerSkuId,
    @Nullable String triggerCode,
    long minPaymentFen,
    @Nullable Instant validFrom,
    @Nullable Instant validTo,
    MaterialCode gift,
    int quantity,
    boolean perUnit,
    boolean active) {

  /** What a trade must contain. */
  public enum Trigger {
    ANY,
    SKU,
    MATERIAL
  }

  /** The external line id of the gift line on the ERP order; unique per rule within an order. */
  public String lineId() {
    return "gift-" + id;
  }
}
