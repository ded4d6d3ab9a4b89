package com.tmallbridge.erp.embedded.operations;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpDelivery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Warehouse and back-office operations of the built-in ERP: the work a merchant's staff does in
 * the ERP itself, which the bridge then observes through the ERP SPI (on-hand via {@code
 * StockLedger}, parcels via {@code DeliveryFeed}, statuses via {@code SalesOrderQuery}). Every
 * write is idempotent on its reference and joins the caller's Spring transaction when there is
 * one. Business rule violations are permanent {@link ConnectorException}s with a readable
 * message; database trouble is a retryable one. Thread-safe.
 */
public interface EmbeddedErpOperations {

  /** Stock-move reason of a goods receipt. */
  String RECEIPT = "RECEIPT";
  /** Stock-move reason of a stock adjustment (stocktake, damage, correction). */
  String ADJUSTMENT = "ADJUSTMENT";
  /** Stock-move reason of a delivery to a buyer; booked only by {@link #ship}. */
  String DELIVERY = "DELIVERY";

  /**
   * Books a goods receipt of {@code quantity} (positive) units into {@code warehouse}.
   *
   * @throws ConnectorException permanent for a non-positive quantity, unknown warehouse or material
   */
  void receive(String warehouse, MaterialCode material, long quantity, String reference);

  /**
   * Books a stock adjustment of {@code delta} units (positive or negative, not zero).
   *
   * @throws ConnectorException permanent for a zero delta, unknown warehouse or material
   */
  void adjust(String warehouse, MaterialCode material, long delta, String reference);

  /**
   * Records a stocktake: books the difference between {@code counted} and the current on-hand as
   * an adjustment (nothing when they agree). Moves booked concurrently with the count are not
   * seen by it, as in any ERP's stocktake; count when the warehouse is quiet.
   *
   * @return the adjustment booked (0 when none, or when {@code reference} was used before)
   */
  long stocktake(String warehouse, MaterialCode material, long counted, String reference);

  /**
   * Adds a warehouse, or renames the one with that code.
   *
   * @throws ConnectorException permanent for a blank or over-long code or name
   */
  void addWarehouse(String code, String name);

  /**
   * The lines of a sales order with ordered and delivered units, in line order.
   *
   * @throws ConnectorException permanent when there is no such sales order
   */
  List<OpenLine> openLines(ErpDocNo salesOrderNo);

  /**
   * The lines of several sales orders as {@link #openLines(ErpDocNo)} reads them, in a few
   * queries instead of one per order: by order, in the order given; unknown orders are absent.
   *
   * @throws ConnectorException retryable on database trouble
   */
  Map<ErpDocNo, List<OpenLine>> openLines(Collection<ErpDocNo> salesOrderNos);

  /**
   * Ships (part of) a sales order as one delivery: books a negative {@link #DELIVERY} stock move
   * per line (reference {@code <delivery no>/<line no>}) and sets the order's status to
   * {@link SalesOrderStatus#SHIPPED} when every line is fully delivered, else {@link
   * SalesOrderStatus#PART_SHIPPED}, all in one transaction. Stock may go negative.
   *
   * @return the delivery, also when {@code shipment.reference()} was used before (then nothing is
   *     booked and the earlier delivery is returned)
   * @throws ConnectorException permanent when the order is unknown or cancelled, the warehouse is
   *     unknown, a line is unknown, a quantity is not positive or exceeds ordered minus already
   *     delivered, or nothing is left to ship
   */
  ErpDelivery ship(Shipment shipment);

  /**
   * Cancels a sales order that has no delivery; cancelling a cancelled order again does nothing.
   *
   * @throws ConnectorException permanent when the order is unknown or already (partly) shipped
   */
  void cancelSalesOrder(ErpDocNo salesOrderNo);

  /**
   * Units ordered but not yet delivered on every sales order that is not cancelled, per
   * material: what the ERP still owes buyers. Materials owing nothing are absent.
   */
  Map<MaterialCode, Long> undeliveredQuantities();

  /**
   * When each sales order of a shop was created in this ERP, by channel order number (Tmall: tid),
   * cancelled ones included: the arrival time for measuring payment-to-ERP latency.
   */
  Map<String, Instant> salesOrdersCreatedAt(String shopCode);

  /**
   * Every delivery hold and return document of the sales orders created for {@code shopCode}, for
   * checks made outside the bridge.
   */
  AfterSaleFacts afterSaleFacts(String shopCode);

  /**
   * The trial balance over every voucher posted to this ERP's general ledger (through {@code
   * VoucherSink}): per account its debit and credit totals; debits equal credits in a sound ledger.
   */
  TrialBalance trialBalance();

  /**
   * The receivables (应收) of a shop's channel orders, by channel order number: billed on
   * receivable accounts and received against them (收款).
   */
  List<Receivable> receivables(String shopCode);

  /**
   * Every voucher of the general ledger posted for {@code shopCode}, with its debit and credit
   * totals (one set-based read), by number.
   */
  List<LedgerVoucher> ledgerVouchers(String shopCode);

  /** A voucher posted to the general ledger, by its number, as the ledger holds it. */
  java.util.Optional<com.tmallbridge.core.Voucher> voucher(ErpDocNo voucherNo);
}
