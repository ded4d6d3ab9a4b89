package com.tmallbridge.erp.embedded.operations;

import com.tmallbridge.core.ErpDocNo;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the built-in ERP holds about after-sale for the sales orders of one shop: every delivery
 * hold, ever placed, and every return document. Read straight from the ERP's tables, for checks
 * made independently of the bridge (the demo's).
 *
 * @param holds every hold on the shop's sales orders, released or not
 * @param returns every return document of the shop's sales orders, with its lines
 */
public record AfterSaleFacts(List<Hold> holds, List<Return> returns) {

  public AfterSaleFacts {
    holds = List.copyOf(holds);
    returns = List.copyOf(returns);
  }

  /**
   * A delivery hold: while it is not released, the sales order cannot ship.
   *
   * @param salesOrderNo the held sales order
   * @param key the caller's hold key
   * @param createdAt when the hold was placed
   * @param releasedAt when it was released; null while it holds
   */
  public record Hold(ErpDocNo salesOrderNo, String key, Instant createdAt, @Nullable Instant releasedAt) {

    /** Whether the hold was in force at {@code instant}. */
    public boolean heldAt(Instant instant) {
      return !instant.isBefore(createdAt) && (releasedAt == null || instant.isBefore(releasedAt));
    }
  }

  /**
   * A customer return document.
   *
   * @param returnNo the return's number
   * @param salesOrderNo the sales order the goods were delivered with
   * @param received whether the goods were received back on stock
   * @param lines returned units per sales order line
   */
  public record Return(ErpDocNo returnNo, ErpDocNo salesOrderNo, boolean received, List<Line> lines) {

    public Return {
      lines = List.copyOf(lines);
    }
  }

  /**
   * A returned line.
   *
   * @param externalLineId the sales order line's external id (Tmall {@code oid}, {@code oid#n} for combo components)
   * @param quantity units returned
   */
  public record Line(String externalLineId, long quantity) {}
}
