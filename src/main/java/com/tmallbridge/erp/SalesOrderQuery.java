package com.tmallbridge.erp;

import com.tmallbridge.core.ChannelOrderNo;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads sales orders back from the ERP, independently of the bridge's own records. */
public interface SalesOrderQuery {

  /** The sales order created for this shop code and channel order number, if any. */
  Optional<ErpSalesOrderSummary> findByChannelOrder(String shopCode, ChannelOrderNo orderNo);

  /**
   * Streams every sales order that came from a channel (all shops) to {@code sink}, in no
   * particular order. Duplicates, if the ERP holds any, are delivered as they are.
   */
  void forEachChannelOrder(Consumer<ErpSalesOrderSummary> sink);
}
