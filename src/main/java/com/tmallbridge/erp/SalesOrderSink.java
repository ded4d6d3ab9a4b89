package com.tmallbridge.erp;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.SalesOrder;
import java.util.ArrayList;
import java.util.List;

/** Creates sales orders in the ERP. */
public interface SalesOrderSink {

  /**
   * Creates the sales order for {@code order} under {@code customer}, or returns the number of the
   * one that already exists for the same shop and channel order number. Idempotent: a repeat (also
   * after a crash between the ERP's commit and the caller's) yields the same number and no second
   * order.
   *
   * @return the ERP's sales order number
   * @throws ConnectorException on failure; permanent when the ERP rejects the content (e.g. an
   *     unknown material), retryable when it may work later
   */
  ErpDocNo createSalesOrder(SalesOrder order, ErpDocNo customer);

  /**
   * {@link #createSalesOrder} for several orders: the same numbers, with the same idempotency, as
   * calling it for each in turn. The default does exactly that; a connector that can create many
   * orders in fewer calls overrides it. Not atomic in general: after a {@link ConnectorException}
   * some of the orders may exist (a repeat returns their numbers and creates nothing twice). A
   * {@link ErpConnector.Locality#LOCAL} connector called inside the caller's transaction writes all
   * of them or none with it.
   *
   * @param requests orders of distinct (shop code, channel order number)
   * @return the ERP's sales order numbers, in the order of {@code requests}
   * @throws ConnectorException on the first order that fails, classified as {@link #createSalesOrder} does
   */
  default List<ErpDocNo> createSalesOrders(List<Request> requests) {
    List<ErpDocNo> numbers = new ArrayList<>(requests.size());
    for (Request request : requests) {
      numbers.add(createSalesOrder(request.order(), request.customer()));
    }
    return numbers;
  }

  /**
   * One order of {@link #createSalesOrders}.
   *
   * @param order what to create
   * @param customer the ERP's number of its customer
   */
  record Request(SalesOrder order, ErpDocNo customer) {}
}
