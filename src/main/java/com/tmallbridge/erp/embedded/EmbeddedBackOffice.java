package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.embedded.StockRepository.StockMove;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link EmbeddedErpOperations} on the built-in ERP's tables, sharing the connector's repositories
 * (see {@link EmbeddedErpConnector#operations()}). Database failures become {@link
 * ConnectorException}s as in the connector.
 */
final class EmbeddedBackOffice implements EmbeddedErpOperations {
  private static final int MAX_WAREHOUSE_CODE = 32;
  private static final int MAX_WAREHOUSE_NAME = 100;

  private final StockRepository stock;
  private final StockBookkeeper bookkeeper;
  private final DeliveryRepository deliveries;
  private final DeliveryBooker booker;
  private final TransactionTemplate transaction;
  private final SalesOrderRepository orders;
  private final AfterSaleRepository afterSale;
  private final GeneralLedger ledger;

  EmbeddedBackOffice(
      StockRepository stock,
      StockBookkeeper bookkeeper,
      DeliveryRepository deliveries,
      DeliveryBooker booker,
      TransactionTemplate transaction,
      SalesOrderRepository orders,
      AfterSaleRepository afterSale,
      GeneralLedger ledger) {
    this.ledger = ledger;
    this.orders = orders;
    this.afterSale = afterSale;
    this.stock = stock;
    this.bookkeeper = bookkeeper;
    this.deliveries = deliveries;
    this.booker = booker;
    this.transaction = transaction;
  }

  @Override
  public void receive(String warehouse, MaterialCode material, long quantity, String reference) {
    if (quantity <= 0) {
      throw new ConnectorException(EmbeddedErrorCode.INVALID_STOCK_MOVE, false,
          "receipt " + reference + " needs a positive quantity, got " + quantity);
    }
    guard("book receipt " + reference, () -> bookkeeper.book(new StockMove(warehouse, material, quantity, RECEIPT, reference)));
  }

  @Override
  public void adjust(String warehouse, MaterialCode material, long delta, String reference) {
    guard("book adjustment " + reference, () -> bookkeeper.book(new StockMove(warehouse, material, delta, ADJUSTMENT, reference)));
  }

  @Override
  public long stocktake(String warehouse, MaterialCode material, long counted, String reference) {
    if (counted < 0) {
      throw new ConnectorException(EmbeddedErrorCode.INVALID_STOCK_MOVE, false,
          "stocktake " + reference + " counted " + counted + " units; a count cannot be negative");
    }
    if (!guard("check warehouse " + warehouse, () -> stock.warehouseExists(warehouse))) {
      throw new ConnectorException(EmbeddedErrorCode.INVALID_STOCK_MOVE, false,
          "stocktake " + reference + " names unknown warehouse " + warehouse);
    }
    return guard("book stocktake " + reference, () -> Objects.requireNonNull(transaction.execute(status -> {
      long delta = counted - stock.onHand(material).getOrDefault(warehouse, 0L);
      return delta != 0 && bookkeeper.book(new StockMove(warehouse, material, delta, ADJUSTMENT, reference)) ? delta : 0L;
    })));
  }

  @Override
  public void addWarehouse(String code, String name) {
    if (code.isBlank() || code.length() > MAX_WAREHOUSE_CODE || name.isBlank() || name.length() > MAX_WAREHOUSE_NAME) {
      throw new ConnectorException(EmbeddedErrorCode.INVALID_WAREHOUSE, false,
          "warehouse '" + code + "' / '" + name + "' needs a code of 1-" + MAX_WAREHOUSE_CODE
              + " and a name of 1-" + MAX_WAREHOUSE_NAME + " characters");
    }
    guard("add warehouse " + code, () -> {
      stock.upsertWarehouse(code, name);
      return null;
    });
  }

  @Override
  public List<OpenLine> openLines(ErpDocNo salesOrderNo) {
    List<OpenLine> lines = guard("read lines of " + salesOrderNo, () -> deliveries.openLines(salesOrderNo));
    if (lines.isEmpty()) {
      throw new ConnectorException(EmbeddedErrorCode.UNKNOWN_SALES_ORDER, false, "there is no sales order " + salesOrderNo);
    }
    return lines;
  }

  @Override
  public Map<ErpDocNo, List<OpenLine>> openLines(Collection<ErpDocNo> salesOrderNos) {
    List<ErpDocNo> distinct = List.copyOf(new java.util.LinkedHashSet<>(salesOrderNos));
    return guard("read lines of " + distinct.size() + " sales orders", () -> deliveries.openLines(distinct));
  }

  @Override
  public ErpDelivery ship(Shipment shipment) {
    return guard("ship " + shipment.salesOrderNo() + " (" + shipment.reference() + ")", () -> booker.ship(shipment));
  }

  @Override
  public void cancelSalesOrder(ErpDocNo salesOrderNo) {
    guard("cancel " + salesOrderNo, () -> {
      booker.cancel(salesOrderNo);
      return null;
    });
  }

  @Override
  public Map<MaterialCode, Long> undeliveredQuantities() {
    return guard("read undelivered quantities", deliveries::undelivered);
  }

  @Override
  public Map<String, Instant> salesOrdersCreatedAt(String shopCode) {
    return guard("read creation times of " + shopCode, () -> orders.createdAt(shopCode));
  }

  @Override
  public AfterSaleFacts afterSaleFacts(String shopCode) {
    return guard("read after-sale records of " + shopCode, () -> afterSale.facts(shopCode));
  }

  @Override
  public com.tmallbridge.erp.embedded.operations.TrialBalance trialBalance() {
    return guard("read the trial balance", ledger::trialBalance);
  }

  @Override
  public java.util.List<com.tmallbridge.erp.embedded.operations.Receivable> receivables(String shopCode) {
    return guard("read receivables of " + shopCode, () -> ledger.receivables(shopCode));
  }

  @Override
  public java.util.List<com.tmallbridge.erp.embedded.operations.LedgerVoucher> ledgerVouchers(String shopCode) {
    return guard("read the ledger's vouchers of " + shopCode, () -> ledger.vouchers(shopCode));
  }

  @Override
  public java.util.Optional<com.tmallbridge.core.Voucher> voucher(ErpDocNo voucherNo) {
    return guard("read voucher " + voucherNo, () -> ledger.read(voucherNo));
  }

  private static <T> T guard(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw SqlFailureClassifier.translate(action, e);
    }
  }
}
