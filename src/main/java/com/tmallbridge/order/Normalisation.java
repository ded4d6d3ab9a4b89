package com.tmallbridge.order;

import com.tmallbridge.core.SalesOrder;

/** Outcome of normalising one paid trade: a sales order ready for the ERP, or a rejection. */
sealed interface Normalisation {

  /** The trade became a valid canonical sales order; {@code origins} parallel its lines. */
  record Ready(SalesOrder order, java.util.List<LineOrigin> origins) implements Normalisation {}

  /** The trade cannot go to the ERP as it is. */
  record Rejected(OrderReason reason, String message) implements Normalisation {}
}
