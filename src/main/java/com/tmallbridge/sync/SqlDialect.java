package com.tmallbridge.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The few statements that differ between the databases the bridge runs on. */
enum SqlDialect {
  /** PostgreSQL: claim queries skip rows another dispatcher has locked. */
  POSTGRESQL(" FOR UPDATE SKIP LOCKED"),
  /** H2 and anything else: claims rely on the optimistic {@code version} check alone. */
  GENERIC("");

  private final String claimLockClause;

  SqlDialect(String claimLockClause) {
    this.claimLockClause = claimLockClause;
  }

  /** Appended to the claim query. */
  String claimLockClause() {
    return claimLockClause;
  }

  /** Reads the product name from the data source's metadata (opens one connection). */
  static SqlDialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return of(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database product name: " + e.getMessage(), e);
    }
  }

  static SqlDialect of(String productName) {
    return productName.toLowerCase(Locale.ROOT).contains("postgresql") ? POSTGRESQL : GENERIC;
  }
}
