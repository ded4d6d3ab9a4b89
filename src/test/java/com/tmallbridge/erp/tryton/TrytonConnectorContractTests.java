package com.tmallbridge.erp.tryton;

import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpConnectorContract;
import com.tmallbridge.testsupport.RunsAlongside;

/**
 * The ERP connector contract against a real Tryton 6.0 server. {@link #shipInErp} books parcels
 * through the connector's {@link com.tmallbridge.erp.DeliveryBooking} (the contract's default);
 * {@code TrytonWarehouseDeskTests} ships through the sandbox's own client instead, so the feed is
 * also checked against parcels the connector did not book.
 */
@RunsAlongside("waits for the shared Tryton server: the contract suite is mostly Tryton's own time")
class TrytonConnectorContractTests extends ErpConnectorContract {

  @Override
  public ErpConnector connector() {
    return TrytonTestConnection.connector();
  }

  /** A second connector with its own session, as another node of a cluster has. */
  @Override
  public ErpConnector otherNode() {
    return OTHER_NODE.get();
  }

  private static final java.util.function.Supplier<ErpConnector> OTHER_NODE = new java.util.function.Supplier<>() {
    private ErpConnector node;

    @Override
    public synchronized ErpConnector get() {
      if (node == null) {
        TrytonProperties properties = TrytonTestConnection.properties();
        node = new TrytonConnector(new TrytonClient(properties), properties);
      }
      return node;
    }
  };

  @Override
  public java.util.List<com.tmallbridge.core.VoucherEntry> entriesInErp(com.tmallbridge.core.ErpDocNo voucherNo) {
    return TrytonTestConnection.connector().voucherEntries(voucherNo);
  }

  @Override
  public String stockWarehouse() {
    return TrytonTestConnection.WAREHOUSE;
  }
}
