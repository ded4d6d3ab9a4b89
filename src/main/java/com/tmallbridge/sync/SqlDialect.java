package com.tmallbridge.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The few things that differ between the databases the bridge runs on. */
enum SqlDialect {
  /** PostgreSQL: claim queries skip rows another dispatcher has locked. */
  POSTGRESQL(" FOR UPDATE SKIP LOCKED"),
  /** H2: claims rely on the optimistic {@code version} check alone. */
  H2(""),
  /** Anything else: as H2. */
  GENERIC("");

  private static final Logger log = LoggerFactory.getLogger(SqlDialect.class);

  private final String claimLockClause;

  SqlDialect(String claimLockClause) {
    this.claimLockClause = claimLockClause;
  }

  /** Appended to the claim query. */
  String claimLockClause() {
    return claimLockClause;
  }

  /**
   * Reads the product name from the data source's metadata (opens one connection) and prepares the
   * database for polling.
   *
   * <p>H2 reuses the previous result of an identical query when it believes no table changed, and
   * under concurrent writers it can miss a commit and keep answering with a stale result for ever
   * (seen with H2 2.4: {@code hasUnfinished()} stayed true after every message was DONE). Polling
   * the outbox repeats identical queries, so on H2 the optimisation is switched off for the
   * database ({@code SET OPTIMIZE_REUSE_RESULTS 0}; the JDBC URL setting {@code
   * OPTIMIZE_REUSE_RESULTS=FALSE} does the same).
   */
  static SqlDialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      SqlDialect dialect = of(connection.getMetaData().getDatabaseProductName());
      if (dialect == H2) {
        disableResultReuse(connection);
      }
      return dialect;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database product name: " + e.getMessage(), e);
    }
  }

  static SqlDialect of(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    return name.equals("h2") ? H2 : GENERIC;
  }

  private static void disableResultReuse(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET OPTIMIZE_REUSE_RESULTS 0");
    } catch (SQLException e) {
      log.warn("cannot switch off H2's result reuse ({}); add OPTIMIZE_REUSE_RESULTS=FALSE to the JDBC URL, "
          + "or the dispatcher may see stale query results", e.getMessage());
    }
  }
}
