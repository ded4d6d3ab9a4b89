package com.tmallbridge.erp.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.erp.ConnectorException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class SqlFailureClassifierTests {

  @ParameterizedTest(name = "SQLState {0}, vendor code {1} -> retryable {2}")
  @CsvSource({
    "08006, 0, true",      // PostgreSQL connection failure
    "08001, 0, true",      // cannot establish connection
    "40001, 0, true",      // serialization failure; also H2's deadlock
    "40P01, 0, true",      // PostgreSQL deadlock detected
    "55P03, 0, true",      // PostgreSQL lock_not_available (lock_timeout)
    "57014, 0, true",      // statement timeout / cancelled
    "57P01, 0, true",      // PostgreSQL admin shutdown
    "53300, 0, true",      // PostgreSQL too many connections
    "HYT00, 50200, true",  // H2 lock timeout
    "90131, 90131, true",  // H2 concurrent update
    "90067, 90067, true",  // H2 connection broken
    "23505, 0, false",     // unique violation
    "23503, 0, false",     // foreign key violation
    "22001, 0, false",     // value too long
    "42P01, 0, false",     // undefined table
    "42S02, 42104, false", // H2 table not found
  })
  void classifiesBySqlStateAndVendorCode(String sqlState, int vendorCode, boolean retryable) {
    SQLException sql = new SQLException("boom", sqlState, vendorCode);

    RuntimeException translated = SqlFailureClassifier.translate("do it", new UncategorizedSQLException("do it", "select 1", sql));

    assertThat(translated).isInstanceOfSatisfying(ConnectorException.class, e -> {
      assertThat(e.retryable()).isEqualTo(retryable);
      assertThat(e.errorCode()).isEqualTo(retryable ? EmbeddedErrorCode.DATABASE_UNAVAILABLE : EmbeddedErrorCode.DATABASE_REJECTED);
    });
  }

  @Test
  void lostConnectionIsRetryableThoughSpringCallsItANonTransientResourceFailure() {
    var failure = new DataAccessResourceFailureException("I/O error", new SQLException("connection reset", "08006"));

    assertThat(SqlFailureClassifier.isTransient(failure)).isTrue();
  }

  @Test
  void unreachablePoolAndSpringsTransientTypesAreRetryable() {
    assertThat(SqlFailureClassifier.isTransient(new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timeout")))).isTrue();
    assertThat(SqlFailureClassifier.isTransient(new CannotCreateTransactionException("no connection"))).isTrue();
    assertThat(SqlFailureClassifier.isTransient(new CannotAcquireLockException("locked"))).isTrue();
  }

  @Test
  void chainedNextExceptionCounts() {
    SQLException batch = new SQLException("batch entry 0 failed", "22000");
    batch.setNextException(new SQLException("deadlock detected", "40P01"));

    assertThat(SqlFailureClassifier.isTransient(new DataIntegrityViolationException("batch", batch))).isTrue();
  }

  @Test
  void constraintViolationIsPermanentAndNamesTheActionAndCause() {
    var failure = new DuplicateKeyException("dup", new SQLException("duplicate key value violates unique constraint", "23505"));

    RuntimeException translated = SqlFailureClassifier.translate("create sales order S1/42", failure);

    assertThat(translated).isInstanceOf(ConnectorException.class)
        .hasMessage("create sales order S1/42 was rejected by the database: duplicate key value violates unique constraint")
        .hasCause(failure);
  }

  @Test
  void connectorExceptionsAndProgrammingErrorsPassThroughUnchanged() {
    var connectorFailure = new ConnectorException(EmbeddedErrorCode.UNKNOWN_MATERIAL, false, "no such material");
    var bug = new IllegalStateException("bug");

    assertThat(SqlFailureClassifier.translate("x", connectorFailure)).isSameAs(connectorFailure);
    assertThat(SqlFailureClassifier.translate("x", bug)).isSameAs(bug);
  }
}
