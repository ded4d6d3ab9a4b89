package com.tmallbridge.product;

import org.jspecify.annotations.Nullable;

/**
 * One line of the mismatch report: what is wrong with one Tmall SKU (or combo) and what to do.
 *
 * @param category what kind of problem
 * @param numIid the item, null for a combo line
 * @param skuId the SKU ({@code ""} for an item without SKUs), null for a combo line
 * @param outerId the merchant code involved, or the combo code
 * @param title the item title with SKU properties, or a description of the combo
 * @param problem what is wrong
 * @param advice what to do about it
 */
public record Mismatch(
    Category category,
    @Nullable String numIid,
    @Nullable String skuId,
    @Nullable String outerId,
    String title,
    String problem,
    String advice) {

  /** Kinds of problems, in report order. */
  public enum Category {
    /** The SKU (or SKU-less item) has no merchant code of its own. */
    NO_OUTER_ID,
    /** The merchant code (or mapped code) is neither an ERP material nor a combo. */
    UNKNOWN_CODE,
    /** Several SKUs of the shop share one merchant code. */
    DUPLICATE_OUTER_ID,
    /** Tmall's price and the ERP's sale price differ beyond the tolerance. */
    PRICE_DIFFERS,
    /** A combo has components the ERP does not have. */
    COMBO_COMPONENT_MISSING
  }
}
