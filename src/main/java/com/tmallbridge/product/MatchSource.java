package com.tmallbridge.product;

/** Which rule matched a Tmall SKU to ERP materials, in order of precedence. */
public enum MatchSource {
  /** A mapping by hand ({@code products map} / {@code mappings add}); its code may be a combo. */
  MAPPING,
  /** The merchant code is a combo code (组合装). */
  COMBO,
  /** The SKU's merchant code ({@code outer_id} of the SKU) is an ERP material code. */
  SKU_OUTER_ID,
  /** The item's merchant code is an ERP material code (items without SKUs, or SKUs without their own code). */
  ITEM_OUTER_ID
}
