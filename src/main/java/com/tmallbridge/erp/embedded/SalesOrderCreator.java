package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.SalesOrderSink.Request;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates sales orders exactly once per (shop code, channel order number). Content is checked
 * before the transaction starts, and the callback never throws a business error, so a rejected
 * order does not mark the caller's transaction rollback-only. The header is written with
 * {@code INSERT ... ON CONFLICT DO NOTHING}: a concurrent creator of the same order waits for the
 * first one's commit and then reads its number, without a failed statement (which would abort the
 * whole transaction on PostgreSQL).
 *
 * <p>{@link #createAll} checks every order first, then writes the headers as one JDBC batch and
 * the lines of those it inserted as another, in one transaction; orders whose header was there
 * already are read back, as a single create would.
 */
final class SalesOrderCreator {
  private final SalesOrderRepository orders;
  private final SaleableMaterials materials;
  private final CustomerRepository customers;
  private final DocumentNumbers numbers;
  private final TransactionTemplate transaction;
  private final Clock clock;

  SalesOrderCreator(
      SalesOrderRepository orders,
      SaleableMaterials materials,
      CustomerRepository customers,
      DocumentNumbers numbers,
      TransactionTemplate transaction,
      Clock clock) {
    this.orders = orders;
    this.materials = materials;
    this.customers = customers;
    this.numbers = numbers;
    this.transaction = transaction;
    this.clock = clock;
  }

  ErpDocNo create(SalesOrder order, ErpDocNo customer) {
    SalesOrderValidator.validate(order);
    Set<MaterialCode> missing =
        materials.unsaleableAmong(order.lines().stream().map(SalesOrderLine::material).collect(Collectors.toSet()));
    if (!missing.isEmpty()) {
      // A repeat of an order created before the material was deactivated still succeeds.
      return orders.findDocNo(order.shopCode(), order.orderNo()).orElseThrow(() -> unknownMaterials(order, missing));
    }
    Optional<ErpDocNo> docNo = Objects.requireNonNull(transaction.execute(status -> insertOrFind(order, customer)));
    return docNo.orElseThrow(() -> notCreated(order, customer));
  }

  /**
   * {@link #create} for several orders, with the same results: nothing is written when any order
   * fails its checks (the first failure is thrown). An unsaleable material among them sends each
   * order through {@link #create}, which tells a repeat of an existing order from a rejection.
   */
  List<ErpDocNo> createAll(List<Request> requests) {
    Set<MaterialCode> codes = new HashSet<>();
    for (Request request : requests) {
      SalesOrderValidator.validate(request.order());
      request.order().lines().forEach(line -> codes.add(line.material()));
    }
    if (!materials.unsaleableAmong(codes).isEmpty()) {
      return requests.stream().map(r -> create(r.order(), r.customer())).toList();
    }
    ErpDocNo[] docNos = Objects.requireNonNull(transaction.execute(status -> insertOrFindAll(requests)));
    for (int i = 0; i < docNos.length; i++) {
      if (docNos[i] == null) {
        throw notCreated(requests.get(i).order(), requests.get(i).customer());
      }
    }
    return Arrays.asList(docNos);
  }

  /** The number of each order, null for one neither inserted nor found (thrown by the caller, outside the transaction). */
  private ErpDocNo[] insertOrFindAll(List<Request> requests) {
    List<ErpDocNo> fresh = new ArrayList<>(requests.size());
    requests.forEach(r -> fresh.add(numbers.nextSalesOrderNo()));
    int[] counts = orders.insertHeaders(fresh, requests, clock.instant());
    ErpDocNo[] result = new ErpDocNo[requests.size()];
    Map<ErpDocNo, List<SalesOrderLine>> lines = new LinkedHashMap<>();
    for (int i = 0; i < result.length; i++) {
      SalesOrder order = requests.get(i).order();
      // 0: the order existed (or its customer does not); negative: the driver did not say
      result[i] = counts[i] == 1 ? fresh.get(i) : orders.findDocNo(order.shopCode(), order.orderNo()).orElse(null);
      if (fresh.get(i).equals(result[i])) {
        lines.put(fresh.get(i), order.lines());
      }
    }
    orders.insertLines(lines);
    return result;
  }

  private Optional<ErpDocNo> insertOrFind(SalesOrder order, ErpDocNo customer) {
    ErpDocNo docNo = numbers.nextSalesOrderNo();
    if (orders.insertHeader(docNo, order, customer, clock.instant())) {
      orders.insertLines(docNo, order.lines());
      return Optional.of(docNo);
    }
    return orders.findDocNo(order.shopCode(), order.orderNo());
  }

  /** The header insert wrote nothing and no order is visible: an unknown customer, or a racing creator. */
  private ConnectorException notCreated(SalesOrder order, ErpDocNo customer) {
    if (!customers.exists(customer)) {
      return new ConnectorException(EmbeddedErrorCode.UNKNOWN_CUSTOMER, false,
          "sales order " + describe(order) + " names unknown customer " + customer);
    }
    return new ConnectorException(EmbeddedErrorCode.DATABASE_UNAVAILABLE, true,
        "sales order " + describe(order) + " is being created by a concurrent transaction that is not visible yet");
  }

  private static ConnectorException unknownMaterials(SalesOrder order, Set<MaterialCode> missing) {
    String codes = missing.stream().map(MaterialCode::value).sorted().collect(Collectors.joining(", "));
    return new ConnectorException(EmbeddedErrorCode.UNKNOWN_MATERIAL, false,
        "sales order " + describe(order) + " names unknown or inactive material(s): " + codes);
  }

  private static String describe(SalesOrder order) {
    return order.shopCode() + "/" + order.orderNo();
  }
}
