package com.tmallbridge.order;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.List;

/**
 * What an imported trade means for stock. Published synchronously inside the transaction that
 * writes the trade, so a listener's writes (reservations) commit or roll back with it.
 *
 * <ul>
 *   <li>{@link Kind#PAID}: the trade was paid and its lines (after combo expansion and gifts)
 *       need stock; published once per trade, on the snapshot that first queues it for the ERP.
 *   <li>{@link Kind#CLOSED}: the trade was closed or cancelled after payment; everything it held
 *       is free again. {@code lines} lists them.
 *   <li>{@link Kind#REFUNDED}: the listed sub-orders were refunded (refund status SUCCESS) before
 *       the goods left; their units are free again.
 * </ul>
 *
 * Listeners must be idempotent: the same event may come again when a snapshot is re-applied.
 *
 * @param shop the shop
 * @param tid the trade
 * @param kind what happened
 * @param lines the affected lines, material quantities
 * @param at when it happened on Tmall (pay time, or the snapshot's modified time)
 */
public record TradeStockEvent(ShopId shop, String tid, Kind kind, List<Line> lines, Instant at) {

  public TradeStockEvent {
    lines = List.copyOf(lines);
  }

  /** What happened to the trade. */
  public enum Kind {
    PAID,
    CLOSED,
    REFUNDED
  }

  /**
   * One material line of the trade.
   *
   * @param oid the Tmall sub-order it comes from
   * @param numIid the Tmall item
   * @param skuId the Tmall SKU, {@code ""} for items without SKUs
   * @param material the ERP material
   * @param quantity units, positive
   */
  public record Line(String oid, String numIid, String skuId, MaterialCode material, int quantity) {}
}
