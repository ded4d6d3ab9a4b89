package com.tmallbridge.erp.embedded;

import com.tmallbridge.erp.ConnectorException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Turns database failures into {@link ConnectorException}s: retryable when the same statement may
 * succeed later, permanent otherwise. Spring's exception types alone are not enough: it files a
 * lost connection under the non-transient {@code DataAccessResourceFailureException}, so the raw
 * {@link SQLException}s in the cause chain are classified by type, SQLState and H2 error code.
 */
final class SqlFailureClassifier {

  /** SQLState classes: 08 connection exception, 40 transaction rollback (deadlock, serialization), 53 insufficient resources. */
  private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "40", "53");

  /** PostgreSQL lock_not_available, query_canceled (statement timeout), admin/crash shutdown, cannot connect now; H2/ODBC timeouts. */
  private static final Set<String> TRANSIENT_STATES =
      Set.of("55P03", "57014", "57P01", "57P02", "57P03", "HYT00", "HYT01");

  /**
   * H2 error codes: 50200 lock timeout, 90131 concurrent update, 90067 connection broken,
   * 90098 database closed, 90121 database called at shutdown, 90135 exclusive mode, 90020 file
   * locked by another process, 90108 out of memory.
   */
  private static final Set<Integer> TRANSIENT_H2_CODES =
      Set.of(50200, 90131, 90067, 90098, 90121, 90135, 90020, 90108);

  private SqlFailureClassifier() {}

  /**
   * Translates a failure of {@code action} (a phrase such as {@code "create sales order 42"}).
   * Data access and transaction failures become {@link ConnectorException}s; a
   * {@link ConnectorException} is returned unchanged; anything else is returned as it is, being a
   * programming error rather than an ERP answer.
   */
  static RuntimeException translate(String action, RuntimeException failure) {
    if (failure instanceof ConnectorException || !isDatabaseFailure(failure)) {
      return failure;
    }
    String cause = String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
    return isTransient(failure)
        ? new ConnectorException(EmbeddedErrorCode.DATABASE_UNAVAILABLE, true, action + " failed, may work later: " + cause, failure)
        : new ConnectorException(EmbeddedErrorCode.DATABASE_REJECTED, false, action + " was rejected by the database: " + cause, failure);
  }

  /** Whether anything in the cause chain of {@code failure} says the database may succeed later. */
  static boolean isTransient(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (isTransientType(t) || t instanceof SQLException sql && isTransientSql(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDatabaseFailure(RuntimeException failure) {
    return failure instanceof DataAccessException || failure instanceof TransactionException;
  }

  private static boolean isTransientType(Throwable t) {
    return t instanceof TransientDataAccessException
        || t instanceof RecoverableDataAccessException
        || t instanceof CannotGetJdbcConnectionException
        || t instanceof CannotCreateTransactionException;
  }

  private static boolean isTransientSql(SQLException first) {
    int guard = 0;
    for (SQLException e = first; e != null && guard++ < 16; e = e.getNextException()) {
      if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
        return true;
      }
      String state = e.getSQLState();
      if (state != null && state.length() == 5
          && (TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state))) {
        return true;
      }
      if (TRANSIENT_H2_CODES.contains(e.getErrorCode())) {
        return true;
      }
    }
    return false;
  }
}
