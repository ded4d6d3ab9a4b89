package com.tmallbridge.alert;

import java.time.Instant;
import java.util.List;

/**
 * A condition the alert monitor evaluates on every pass: a Spring bean of any module. The monitor
 * raises an alert for each finding without an open alert, keeps open alerts whose findings are
 * still reported (repeating them after the cooldown) and resolves the open alerts of this
 * condition's {@link #kind()} that are no longer reported.
 *
 * <p>The extension point for conditions of other modules: the finance module's reconciliation
 * differences are one, with {@link AlertKind#RECONCILIATION_DIFFERENCE}.
 */
public interface AlertCondition {

  /** The kind of every finding this condition reports. */
  AlertKind kind();

  /**
   * Everything that holds at {@code now}; empty when all is well. Read-only, and called from one
   * thread at a time.
   *
   * @throws RuntimeException when the state cannot be read; the monitor then keeps this kind's open
   *     alerts as they are (an unreadable state is no proof that a condition cleared) and tries again next pass
   */
  List<Finding> findings(Instant now);
}
