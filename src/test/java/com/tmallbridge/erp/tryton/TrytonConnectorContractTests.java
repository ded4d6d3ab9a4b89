package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpConnectorContract;
import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import java.util.Map;

/**
 * The ERP connector contract against a real Tryton 6.0 server. {@link #shipInErp} plays the
 * merchant's warehouse through the sandbox's own client ({@link TrytonWarehouseDesk}).
 */
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
  public String stockWarehouse() {
    return TrytonTestConnection.WAREHOUSE;
  }

  @Override
  public void shipInErp(ErpDocNo salesOrderNo, Map<String, Long> quantitiesByExternalLineId, String carrier, String trackingNo) {
    new TrytonWarehouseDesk(SharedTrytonServer.get().admin()).ship(salesOrderNo.value(), quantitiesByExternalLineId, carrier + ":" + trackingNo);
  }
}
