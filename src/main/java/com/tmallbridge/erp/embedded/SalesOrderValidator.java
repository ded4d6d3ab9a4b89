package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.erp.ConnectorException;
import java.util.HashSet;
import java.util.Set;

/**
 * The built-in ERP's own checks of a sales order's content, before anything is written. Failures
 * are permanent {@link EmbeddedErrorCode#INVALID_ORDER}: the same order will never pass.
 */
final class SalesOrderValidator {
  private SalesOrderValidator() {}

  /** @throws ConnectorException (permanent) naming the first problem found */
  static void validate(SalesOrder order) {
    if (order.shopCode().isBlank()) {
      throw invalid(order, "has no shop code");
    }
    if (order.postFeeFen() < 0) {
      throw invalid(order, "has a negative post fee " + order.postFeeFen());
    }
    Set<Integer> lineNos = new HashSet<>();
    long sum = order.postFeeFen();
    for (SalesOrderLine line : order.lines()) {
      validate(order, line);
      if (!lineNos.add(line.lineNo())) {
        throw invalid(order, "repeats line number " + line.lineNo());
      }
      sum += line.amountFen();
    }
    // SalesOrder's constructor checks this too; the ERP does not rely on its caller's checks.
    if (sum != order.totalFen()) {
      throw invalid(order, "has lines plus post fee of " + sum + " fen but a total of " + order.totalFen());
    }
  }

  private static void validate(SalesOrder order, SalesOrderLine line) {
    if (line.lineNo() <= 0) {
      throw invalid(order, "has line number " + line.lineNo() + "; line numbers start at 1");
    }
    if (line.quantity() <= 0) {
      throw invalid(order, "line " + line.lineNo() + " has quantity " + line.quantity() + "; it must be positive");
    }
    if (line.amountFen() < 0 || line.listPriceFen() < 0) {
      throw invalid(order, "line " + line.lineNo() + " has a negative price or amount");
    }
  }

  private static ConnectorException invalid(SalesOrder order, String problem) {
    return new ConnectorException(
        EmbeddedErrorCode.INVALID_ORDER, false, "sales order " + order.shopCode() + "/" + order.orderNo() + " " + problem);
  }
}
