package com.tmallbridge.erp.embedded;

import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpConnectorContract;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ERP connector contract on the built-in ERP, on H2 and (second Surefire run) PostgreSQL. */
@DatabaseTest
class EmbeddedErpConnectorContractTests extends ErpConnectorContract {
  private static MigratedDatabase database;
  private static EmbeddedErpConnector connector;

  @BeforeAll
  static void startDatabase() {
    database = MigratedDatabase.create();
    connector = database.connector(Clock.systemUTC());
  }

  @AfterAll
  static void stopDatabase() {
    database.close();
  }

  @Override
  public ErpConnector connector() {
    return connector;
  }

  @Override
  public String stockWarehouse() {
    return "WH01";
  }
}
