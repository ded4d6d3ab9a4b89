package com.tmallbridge.erp.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.erp.Material;
import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Real database failures reach callers as retryable or permanent {@link ConnectorException}s. */
@DatabaseTest
class EmbeddedDatabaseFailureTests {
  private final ErpTestData data = new ErpTestData();

  @Test
  void lockTimeoutIsRetryable() throws Exception {
    String lockTimeout = TestDatabase.isPostgres() ? "set lock_timeout = '200ms'" : "set lock_timeout 200";
    try (MigratedDatabase database = MigratedDatabase.create(config -> config.setConnectionInitSql(lockTimeout))) {
      EmbeddedErpConnector erp = database.connector(Clock.systemUTC());
      MaterialCode code = data.materialCode();
      erp.upsertMaterial(data.material(code, 100));

      try (Connection holder = database.dataSource().getConnection()) {
        holder.setAutoCommit(false);
        lockRow(holder, code);
        assertThatThrownBy(() -> erp.upsertMaterial(data.material(code, 200))).satisfies(e -> assertRetryable(e));
        holder.rollback();
      }
    }
  }

  @Test
  void closedDatabaseIsRetryableAndUnhealthy() {
    MigratedDatabase database = MigratedDatabase.create();
    EmbeddedErpConnector erp = database.connector(Clock.systemUTC());
    database.close();

    assertThatThrownBy(() -> erp.ensureCustomer(data.customer(1))).satisfies(e -> assertRetryable(e));
    ErpConnector.Health health = erp.check();
    assertThat(health.ok()).isFalse();
    assertThat(health.detail()).contains("EMBEDDED-003").doesNotContain("\n");
  }

  @Test
  void valueTooLongForItsColumnIsPermanent() {
    try (MigratedDatabase database = MigratedDatabase.create()) {
      EmbeddedErpConnector erp = database.connector(Clock.systemUTC());
      Material tooLong = new Material(data.materialCode(), "x".repeat(201), "pcs", 100);

      assertThatThrownBy(() -> erp.upsertMaterial(tooLong)).satisfies(e -> EmbeddedSalesOrderTests.assertPermanent(e, "EMBEDDED-004"));
    }
  }

  private static void lockRow(Connection connection, MaterialCode code) throws Exception {
    try (PreparedStatement update = connection.prepareStatement("update erp_material set name = 'locked' where code = ?")) {
      update.setString(1, code.value());
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private static void assertRetryable(Throwable thrown) {
    assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
      assertThat(e.retryable()).isTrue();
      assertThat(e.errorCode().code()).isEqualTo("EMBEDDED-003");
    });
  }
}
