package com.tmallbridge.demo;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ERP as its own users see it, for the demo: what the merchant's warehouse staff do in it
 * (receive goods, count stock, ship parcels) and what the demo's checks read straight from it
 * (order lines with delivered units, creation times, holds and returns) — never through the
 * bridge's tables. One implementation per ERP the demo runs on ({@code --erp}); each reads its ERP
 * through that ERP's own API where it can.
 */
interface ErpDesk {

  /** Books a goods receipt of {@code quantity} (positive) units, idempotent on {@code reference}. */
  void receive(String warehouse, MaterialCode material, long quantity, String reference);

  /**
   * Records a stocktake: books the difference between {@code counted} and the on-hand now as an
   * adjustment (nothing when they agree), idempotent on {@code reference}.
   */
  void stocktake(String warehouse, MaterialCode material, long counted, String reference);

  /**
   * The lines of each sales order with ordered and delivered units, one per channel sub-order (or
   * combo component) in line order, numbered from 1. Orders the ERP does not hold are absent.
   */
  Map<ErpDocNo, List<OpenLine>> openLines(Collection<ErpDocNo> salesOrders);

  /** The lines of one sales order (see {@link #openLines(Collection)}); empty when the ERP has no such order. */
  default List<OpenLine> openLines(ErpDocNo salesOrder) {
    return openLines(List.of(salesOrder)).getOrDefault(salesOrder, List.of());
  }

  /**
   * Ships (part of) a sales order as one parcel, idempotent on the shipment's reference.
   *
   * @throws ConnectorException when the ERP refuses (held for a refund, cancelled, nothing open)
   */
  void ship(Shipment shipment);

  /** When the ERP created each sales order of the shop, by channel order number. */
  Map<String, Instant> salesOrdersCreatedAt(String shopCode);

  /** Every delivery hold and return document of the shop's sales orders. */
  AfterSaleFacts afterSaleFacts(String shopCode);

  /**
   * Every voucher the ERP's general ledger holds for the shop (its key names the shop), with the
   * totals of its debits and credits as the ERP stores them: the built-in ERP's ledger tables, or
   * Tryton's account moves and their lines.
   */
  List<com.tmallbridge.erp.embedded.operations.LedgerVoucher> ledgerVouchers(String shopCode);
}
