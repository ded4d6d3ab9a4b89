package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;

/** Payloads of the outbox messages that amend a trade's ERP order. */
final class AmendmentMessages {
  private AmendmentMessages() {}

  /** What every amendment names: the shop and the trade whose ERP order it amends. */
  sealed interface Addressed permits Cancel, Update {
    ShopId shopId();

    String shopCode();

    String tid();
  }

  /**
   * Cancel the ERP order of a closed trade.
   *
   * @param status the trade's Tmall status that closed it
   */
  record Cancel(long shop, String shopCode, String tid, String status, boolean closedByRefunds) implements Addressed {
    @Override
    public ShopId shopId() {
      return new ShopId(shop);
    }
  }

  /**
   * Bring the ERP order's receiver and/or notes from {@code before} (what was sent last) to {@code
   * after} (the newer snapshot).
   */
  record Update(long shop, String shopCode, String tid, TradeParticulars before, TradeParticulars after, boolean receiverChanged,
      boolean notesChanged) implements Addressed {
    @Override
    public ShopId shopId() {
      return new ShopId(shop);
    }
  }
}
