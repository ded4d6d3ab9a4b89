package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.embedded.DeliveryRepository.NewDelivery;
import com.tmallbridge.erp.embedded.DeliveryRepository.NewLine;
import com.tmallbridge.erp.embedded.StockRepository.StockMove;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.SalesOrderStatus;
import com.tmallbridge.erp.embedded.operations.Shipment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books deliveries and cancellations of sales orders. Both lock the sales order's row first, so
 * two deliveries of one order (or a delivery racing a cancellation) are checked one after the
 * other against what is really left. A rule violation found inside the transaction is returned,
 * not thrown, and thrown after it: the callback never fails, so a caller's surrounding
 * transaction is not marked rollback-only by a refused delivery.
 */
final class DeliveryBooker {
  private static final int MAX_REFERENCE = 128;
  private static final int MAX_CARRIER = 64;

  private final DeliveryRepository deliveries;
  private final StockRepository stock;
  private final StockBookkeeper bookkeeper;
  private final DocumentNumbers numbers;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DeliveryBooker(
      DeliveryRepository deliveries,
      StockRepository stock,
      StockBookkeeper bookkeeper,
      DocumentNumbers numbers,
      TransactionTemplate transaction,
      Clock clock) {
    this.deliveries = deliveries;
    this.stock = stock;
    this.bookkeeper = bookkeeper;
    this.numbers = numbers;
    this.transaction = transaction;
    this.clock = clock;
  }

  ErpDelivery ship(Shipment shipment) {
    checkShape(shipment);
    var earlier = deliveries.idByReference(shipment.reference()).flatMap(deliveries::find);
    if (earlier.isPresent()) {
      return earlier.get().delivery();
    }
    if (!stock.warehouseExists(shipment.warehouse())) {
      throw rejected(shipment, "names unknown warehouse " + shipment.warehouse());
    }
    Outcome outcome = Objects.requireNonNull(transaction.execute(status -> shipLocked(shipment)));
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    return Objects.requireNonNull(outcome.delivery());
  }

  void cancel(ErpDocNo salesOrderNo) {
    ConnectorException failure = transaction.execute(status -> cancelLocked(salesOrderNo));
    if (failure != null) {
      throw failure;
    }
  }

  private Outcome shipLocked(Shipment shipment) {
    String status = deliveries.lockOrder(shipment.salesOrderNo()).orElse(null);
    if (status == null) {
      return Outcome.failed(unknownOrder(shipment.salesOrderNo()));
    }
    var earlier = deliveries.idByReference(shipment.reference()).flatMap(deliveries::find);
    if (earlier.isPresent()) {
      return Outcome.booked(earlier.get().delivery());
    }
    if (SalesOrderStatus.CANCELLED.name().equals(status)) {
      return Outcome.failed(rejected(shipment, "ships cancelled sales order " + shipment.salesOrderNo()));
    }
    if (deliveries.isHeld(shipment.salesOrderNo())) {
      return Outcome.failed(new ConnectorException(EmbeddedErrorCode.DELIVERY_HELD, false,
          "delivery " + shipment.reference() + " of sales order " + shipment.salesOrderNo()
              + " is refused: the order's delivery is held (refund intercept); release the hold or cancel the lines"));
    }
    List<OpenLine> lines = deliveries.openLines(shipment.salesOrderNo());
    Map<Integer, Long> wanted = shipment.isInFull() ? allOpen(lines) : shipment.quantitiesByLineNo();
    String problem = overShipment(lines, wanted);
    if (problem != null) {
      return Outcome.failed(rejected(shipment, problem));
    }
    ErpDelivery delivery = book(shipment, lines, wanted);
    boolean complete = lines.stream().allMatch(l -> l.open() == wanted.getOrDefault(l.lineNo(), 0L));
    deliveries.updateStatus(
        shipment.salesOrderNo(), (complete ? SalesOrderStatus.SHIPPED : SalesOrderStatus.PART_SHIPPED).name());
    return Outcome.booked(delivery);
  }

  private ErpDelivery book(Shipment shipment, List<OpenLine> lines, Map<Integer, Long> wanted) {
    long id = deliveries.nextId();
    ErpDocNo deliveryNo = numbers.deliveryNo(id);
    List<NewLine> shipped = new ArrayList<>();
    for (OpenLine line : lines) {
      Long quantity = wanted.get(line.lineNo());
      if (quantity != null) {
        shipped.add(new NewLine(line.lineNo(), line.externalLineId(), line.material(), quantity));
      }
    }
    deliveries.insert(new NewDelivery(id, deliveryNo, shipment, clock.instant(), shipped));
    for (NewLine line : shipped) {
      bookkeeper.book(new StockMove(shipment.warehouse(), line.material(), -line.quantity(),
          EmbeddedErpOperations.DELIVERY, deliveryNo.value() + "/" + line.lineNo()));
    }
    return deliveries.find(id).orElseThrow().delivery();
  }

  private @Nullable ConnectorException cancelLocked(ErpDocNo salesOrderNo) {
    String status = deliveries.lockOrder(salesOrderNo).orElse(null);
    if (status == null) {
      return unknownOrder(salesOrderNo);
    }
    if (SalesOrderStatus.CANCELLED.name().equals(status)) {
      return null;
    }
    long delivered = deliveries.openLines(salesOrderNo).stream().mapToLong(OpenLine::delivered).sum();
    if (delivered > 0 || !SalesOrderStatus.CONFIRMED.name().equals(status)) {
      return new ConnectorException(EmbeddedErrorCode.CANCELLATION_REJECTED, false,
          "sales order " + salesOrderNo + " cannot be cancelled: it is " + status + " with " + delivered
              + " unit(s) delivered; book a return instead");
    }
    deliveries.updateStatus(salesOrderNo, SalesOrderStatus.CANCELLED.name());
    return null;
  }

  private static Map<Integer, Long> allOpen(List<OpenLine> lines) {
    Map<Integer, Long> open = new LinkedHashMap<>();
    lines.stream().filter(l -> l.open() > 0).forEach(l -> open.put(l.lineNo(), l.open()));
    return open;
  }

  /** Why {@code wanted} cannot ship from {@code lines}, or null when it can. */
  private static @Nullable String overShipment(List<OpenLine> lines, Map<Integer, Long> wanted) {
    if (wanted.isEmpty()) {
      return "has nothing left to ship: every line is fully delivered";
    }
    Map<Integer, OpenLine> byNo = new LinkedHashMap<>();
    lines.forEach(l -> byNo.put(l.lineNo(), l));
    for (Map.Entry<Integer, Long> entry : wanted.entrySet()) {
      OpenLine line = byNo.get(entry.getKey());
      long quantity = entry.getValue();
      if (line == null) {
        return "names line " + entry.getKey() + ", which the sales order does not have (lines " + byNo.keySet() + ")";
      }
      if (quantity <= 0) {
        return "ships " + quantity + " unit(s) of line " + line.lineNo() + "; quantities must be positive";
      }
      if (quantity > line.open()) {
        return "ships " + quantity + " unit(s) of line " + line.lineNo() + " (" + line.material() + "), but only "
            + line.open() + " of " + line.ordered() + " ordered are left (" + line.delivered() + " already delivered)";
      }
    }
    return null;
  }

  private static void checkShape(Shipment s) {
    if (s.reference().isBlank() || s.reference().length() > MAX_REFERENCE) {
      throw rejected(s, "needs a reference of 1-" + MAX_REFERENCE + " characters");
    }
    if (tooLong(s.carrier()) || tooLong(s.trackingNo())) {
      throw rejected(s, "has a carrier or tracking number longer than " + MAX_CARRIER + " characters");
    }
  }

  private static boolean tooLong(@Nullable String value) {
    return value != null && value.length() > MAX_CARRIER;
  }

  private static ConnectorException rejected(Shipment shipment, String problem) {
    return new ConnectorException(EmbeddedErrorCode.DELIVERY_REJECTED, false,
        "delivery " + shipment.reference() + " of sales order " + shipment.salesOrderNo() + " " + problem);
  }

  private static ConnectorException unknownOrder(ErpDocNo salesOrderNo) {
    return new ConnectorException(EmbeddedErrorCode.UNKNOWN_SALES_ORDER, false, "there is no sales order " + salesOrderNo);
  }

  /** The result of the transaction: a delivery or the rule it broke. */
  private record Outcome(@Nullable ErpDelivery delivery, @Nullable ConnectorException failure) {
    static Outcome booked(ErpDelivery delivery) {
      return new Outcome(delivery, null);
    }

    static Outcome failed(ConnectorException failure) {
      return new Outcome(null, failure);
    }
  }
}
