package com.tmallbridge.erp.embedded.operations;

import com.tmallbridge.core.ErpDocNo;
import org.jspecify.annotations.Nullable;

/**
 * A receivable (应收) of the built-in ERP: what vouchers billed on receivable accounts for one
 * channel order and what receipts (收款) settled against it.
 *
 * @param channelOrderNo the Tmall trade (tid)
 * @param salesOrderNo the ERP's sales order of that trade, when it has one
 * @param billedFen debits on receivable accounts
 * @param receivedFen credits on receivable accounts (receipts)
 */
public record Receivable(String channelOrderNo, @Nullable ErpDocNo salesOrderNo, long billedFen, long receivedFen) {

  /** What is still open: billed minus received. */
  public long openFen() {
    return billedFen - receivedFen;
  }
}
