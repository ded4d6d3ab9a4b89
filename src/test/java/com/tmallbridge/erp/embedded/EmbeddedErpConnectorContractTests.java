package com.tmallbridge.erp.embedded;

import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpConnectorContract;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Clock;
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
  public java.util.List<com.tmallbridge.core.VoucherEntry> entriesInErp(com.tmallbridge.core.ErpDocNo voucherNo) {
    return connector.operations().voucher(voucherNo).orElseThrow().entries();
  }

  @Override
  public String stockWarehouse() {
    return "WH01";
  }
}
