package com.tmallbridge.erp;

import com.tmallbridge.core.ChannelOrderNo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads sales orders back from the ERP, independently of the bridge's own records. */
public interface SalesOrderQuery {

  /** The sales order created for this shop code and channel order number, if any. */
  Optional<ErpSalesOrderSummary> findByChannelOrder(String shopCode, ChannelOrderNo orderNo);

  /**
   * The sales orders of several channel order numbers of one shop; numbers without an order are
   * absent. The default asks one by one; a connector whose ERP can look up many keys in one call
   * overrides it and reads in batches of whatever size its ERP accepts.
   *
   * @throws ConnectorException on failure
   */
  default Map<ChannelOrderNo, ErpSalesOrderSummary> findByChannelOrders(String shopCode, Collection<ChannelOrderNo> orderNos) {
    Map<ChannelOrderNo, ErpSalesOrderSummary> found = new LinkedHashMap<>();
    for (ChannelOrderNo no : orderNos) {
      findByChannelOrder(shopCode, no).ifPresent(s -> found.put(no, s));
    }
    return found;
  }

  /**
   * Streams every sales order that came from a channel (all shops) to {@code sink}, in no
   * particular order, reading page by page. Duplicates, if the ERP holds any, are delivered as they are.
   */
  void forEachChannelOrder(Consumer<ErpSalesOrderSummary> sink);
}
