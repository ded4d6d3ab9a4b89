package com.tmallbridge.demo;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The built-in ERP's desk: its warehouse and back-office operations ({@link EmbeddedErpOperations}). */
final class BuiltInErpDesk implements ErpDesk {
  private final EmbeddedErpOperations erp;

  BuiltInErpDesk(EmbeddedErpOperations erp) {
    this.erp = erp;
  }

  @Override
  public void receive(String warehouse, MaterialCode material, long quantity, String reference) {
    erp.receive(warehouse, material, quantity, reference);
  }

  @Override
  public void stocktake(String warehouse, MaterialCode material, long counted, String reference) {
    erp.stocktake(warehouse, material, counted, reference);
  }

  @Override
  public Map<ErpDocNo, List<OpenLine>> openLines(Collection<ErpDocNo> salesOrders) {
    return erp.openLines(salesOrders); // a few queries for all of them: the demo asks about every open order at every step
  }

  @Override
  public void ship(Shipment shipment) {
    erp.ship(shipment);
  }

  @Override
  public Map<String, Instant> salesOrdersCreatedAt(String shopCode) {
    return erp.salesOrdersCreatedAt(shopCode);
  }

  @Override
  public AfterSaleFacts afterSaleFacts(String shopCode) {
    return erp.afterSaleFacts(shopCode);
  }

  @Override
  public List<com.tmallbridge.erp.embedded.operations.LedgerVoucher> ledgerVouchers(String shopCode) {
    return erp.ledgerVouchers(shopCode);
  }
}
