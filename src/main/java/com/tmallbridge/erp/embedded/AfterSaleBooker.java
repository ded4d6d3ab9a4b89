package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.SalesOrderLineCancellation;
import com.tmallbridge.erp.embedded.AfterSaleRepository.LockedReturn;
import com.tmallbridge.erp.embedded.AfterSaleRepository.NewReturn;
import com.tmallbridge.erp.embedded.AfterSaleRepository.ReturnLine;
import com.tmallbridge.erp.embedded.StockRepository.StockMove;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.SalesOrderStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery holds, line cancellations and customer returns of the built-in ERP. Like {@link
 * DeliveryBooker}, each write locks the sales order's (or return's) row first, and a rule
 * violation found inside the transaction is returned from the callback and thrown after it, so a
 * caller's surrounding transaction is not marked rollback-only.
 */
final class AfterSaleBooker {
  /** Stock-move reason of goods a buyer sent back. */
  static final String RETURN = "RETURN";

  private final AfterSaleRepository repository;
  private final DeliveryRepository deliveries;
  private final StockBookkeeper bookkeeper;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AfterSaleBooker(AfterSaleRepository repository, DeliveryRepository deliveries, StockBookkeeper bookkeeper,
      TransactionTemplate transaction, Clock clock) {
    this.repository = repository;
    this.deliveries = deliveries;
    this.bookkeeper = bookkeeper;
    this.transaction = transaction;
    this.clock = clock;
  }

  void hold(ErpDocNo docNo, String key, String reason) {
    Object failure = transaction.execute(status -> {
      if (deliveries.lockOrder(docNo).isEmpty()) {
        return unknownOrder(docNo);
      }
      repository.hold(docNo, key, reason.length() > 500 ? reason.substring(0, 500) : reason, clock.instant());
      return null;
    });
    throwIfFailed(failure);
  }

  boolean release(ErpDocNo docNo, String key) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      repository.release(docNo, key, clock.instant());
      return deliveries.isHeld(docNo);
    }));
  }

  SalesOrderLineCancellation.Result cancelOpenUnits(ErpDocNo docNo, Collection<String> subOrderIds, String reference) {
    Object outcome = transaction.execute(status -> {
      String orderStatus = deliveries.lockOrder(docNo).orElse(null);
      if (orderStatus == null) {
        return unknownOrder(docNo);
      }
      var earlier = repository.cancellation(reference);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      List<OpenLine> lines = deliveries.openLines(docNo);
      List<OpenLine> matched = lines.stream().filter(l -> matches(l.externalLineId(), subOrderIds)).toList();
      if (matched.isEmpty()) {
        return new ConnectorException(EmbeddedErrorCode.LINE_CANCELLATION_REJECTED, false,
            "line cancellation " + reference + ": sales order " + docNo + " has no line of sub-order(s) " + subOrderIds);
      }
      long cancelled = 0;
      long delivered = 0;
      for (OpenLine line : matched) {
        delivered += line.delivered();
        if (line.open() > 0) {
          repository.cancelUnits(docNo, line.lineNo(), line.open());
          cancelled += line.open();
        }
      }
      List<OpenLine> after = deliveries.openLines(docNo);
      long remaining = after.stream().mapToLong(OpenLine::open).sum();
      long deliveredOnOrder = after.stream().mapToLong(OpenLine::delivered).sum();
      if (remaining == 0 && !SalesOrderStatus.CANCELLED.name().equals(orderStatus)) {
        deliveries.updateStatus(docNo, (deliveredOnOrder == 0 ? SalesOrderStatus.CANCELLED : SalesOrderStatus.SHIPPED).name());
      }
      SalesOrderLineCancellation.Result result = new SalesOrderLineCancellation.Result(cancelled, delivered, remaining);
      repository.recordCancellation(docNo, reference, result, clock.instant());
      return result;
    });
    throwIfFailed(outcome);
    return (SalesOrderLineCancellation.Result) Objects.requireNonNull(outcome);
  }

  long deliveredUnits(ErpDocNo docNo, Collection<String> subOrderIds) {
    List<OpenLine> lines = deliveries.openLines(docNo);
    if (lines.isEmpty()) {
      throw new ConnectorException(EmbeddedErrorCode.UNKNOWN_SALES_ORDER, false, "there is no sales order " + docNo);
    }
    return lines.stream().filter(l -> matches(l.externalLineId(), subOrderIds)).mapToLong(OpenLine::delivered).sum();
  }

  ErpDocNo createReturn(ErpDocNo docNo, Map<String, Long> unitsBySubOrder, String reference, String reason) {
    var earlier = repository.returnByReference(reference);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Object outcome = transaction.execute(status -> {
      if (deliveries.lockOrder(docNo).isEmpty()) {
        return unknownOrder(docNo);
      }
      var again = repository.returnByReference(reference);
      if (again.isPresent()) {
        return again.get();
      }
      Map<Integer, Long> returned = repository.returnedPerLine(docNo);
      List<ReturnLine> lines = new ArrayList<>();
      for (OpenLine line : deliveries.openLines(docNo)) {
        Long wanted = unitsFor(line.externalLineId(), unitsBySubOrder);
        long returnable = line.delivered() - returned.getOrDefault(line.lineNo(), 0L);
        if (wanted != null && returnable > 0) {
          long units = wanted == 0 ? returnable : Math.min(wanted, returnable);
          lines.add(new ReturnLine(line.lineNo(), line.externalLineId(), line.material(), units));
        }
      }
      String warehouse = repository.lastDeliveryWarehouse(docNo).orElse(null);
      if (lines.isEmpty() || warehouse == null) {
        return new ConnectorException(EmbeddedErrorCode.RETURN_REJECTED, false, "return " + reference + " of sales order "
            + docNo + ": nothing of sub-order(s) " + unitsBySubOrder.keySet() + " was delivered and not yet returned");
      }
      ErpDocNo returnNo = new ErpDocNo(DocumentNumbers.zeroPadded("RT", repository.nextReturnId(), 8));
      repository.insertReturn(new NewReturn(returnNo, docNo, reference, warehouse, truncated(reason), lines), clock.instant());
      return returnNo;
    });
    throwIfFailed(outcome);
    return (ErpDocNo) Objects.requireNonNull(outcome);
  }

  long receiveReturn(ErpDocNo returnNo) {
    Object outcome = transaction.execute(status -> {
      LockedReturn locked = repository.lockReturn(returnNo);
      if (locked == null) {
        return new ConnectorException(EmbeddedErrorCode.RETURN_REJECTED, false, "there is no return " + returnNo);
      }
      if ("RECEIVED".equals(locked.status())) {
        return 0L;
      }
      long units = 0;
      for (ReturnLine line : repository.returnLines(returnNo)) {
        bookkeeper.book(new StockMove(locked.warehouse(), line.material(), line.quantity(), RETURN, returnNo.value() + "/" + line.lineNo()));
        units += line.quantity();
      }
      repository.markReceived(returnNo, clock.instant());
      return units;
    });
    throwIfFailed(outcome);
    return (Long) Objects.requireNonNull(outcome);
  }

  private static boolean matches(String externalLineId, Collection<String> subOrderIds) {
    return subOrderIds.stream().anyMatch(id -> externalLineId.equals(id) || externalLineId.startsWith(id + "#"));
  }

  private static Long unitsFor(String externalLineId, Map<String, Long> unitsBySubOrder) {
    for (Map.Entry<String, Long> e : unitsBySubOrder.entrySet()) {
      if (externalLineId.equals(e.getKey()) || externalLineId.startsWith(e.getKey() + "#")) {
        return Math.max(0, e.getValue());
      }
    }
    return null;
  }

  private static String truncated(String reason) {
    return reason.length() > 500 ? reason.substring(0, 500) : reason;
  }

  private static void throwIfFailed(Object outcome) {
    if (outcome instanceof ConnectorException failure) {
      throw failure;
    }
  }

  private static ConnectorException unknownOrder(ErpDocNo docNo) {
    return new ConnectorException(EmbeddedErrorCode.UNKNOWN_SALES_ORDER, false, "there is no sales order " + docNo);
  }
}
