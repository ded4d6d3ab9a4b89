package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpConnectorContract;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ERP connector contract on the built-in ERP, on H2 and (second Surefire run) PostgreSQL. */
@DatabaseTest
class EmbeddedErpConnectorContractTests extends ErpConnectorContract {
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final EmbeddedErpConnector connector = DATABASE.get().connector(Clock.systemUTC());
  private final EmbeddedErpConnector otherNode = DATABASE.get().connector(Clock.systemUTC());

  @Override
  public ErpConnector connector() {
    return connector;
  }

  /** A second instance on the same database, as a second node of a cluster has. */
  @Override
  public ErpConnector otherNode() {
    return otherNode;
  }

  @Override
  public String stockWarehouse() {
    return "WH01";
  }

  @Override
  public void shipInErp(ErpDocNo salesOrderNo, Map<String, Long> quantitiesByExternalLineId, String carrier, String trackingNo) {
    Map<Integer, Long> byLineNo = new LinkedHashMap<>();
    for (OpenLine line : connector.operations().openLines(salesOrderNo)) {
      Long quantity = quantitiesByExternalLineId.get(line.externalLineId());
      if (quantity != null) {
        byLineNo.put(line.lineNo(), quantity);
      }
    }
    connector.operations().ship(new Shipment(salesOrderNo, stockWarehouse(), carrier, trackingNo, UUID.randomUUID().toString(), byLineNo));
  }
}
