package com.tmallbridge.erp.embedded.operations;

import com.tmallbridge.core.MaterialCode;

/**
 * A sales order line with what was ordered and what has left the warehouse so far.
 *
 * @param lineNo the line number within the sales order
 * @param externalLineId the channel's line id (Tmall {@code oid})
 * @param material the material ordered
 * @param ordered units ordered
 * @param delivered units delivered so far, {@code 0..ordered}
 */
public record OpenLine(int lineNo, String externalLineId, MaterialCode material, long ordered, long delivered) {

  /** Units still to ship. */
  public long open() {
    return ordered - delivered;
  }
}
