package com.tmallbridge.erp;

import static com.tmallbridge.erp.ErpTestData.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the contract tests of {@link ErpConnectorContract} need from a connector's test class, and
 * the helpers they share. Connector authors extend {@link ErpConnectorContract} rather than
 * implementing this directly.
 */
public interface ErpContractFixture {

  /** The connector under test, ready to use. */
  ErpConnector connector();

  /** Randomly tagged test data of the current test. */
  ErpTestData data();

  /** Makes the ERP hold these materials, active and saleable. */
  void givenMaterials(List<Material> materials);

  /** A warehouse the ERP knows, for {@link StockLedger} tests. */
  String stockWarehouse();

  /**
   * Ships, in the ERP itself, one parcel of sales order {@code salesOrderNo} from {@link
   * #stockWarehouse()}: {@code quantitiesByExternalLineId} units per line (keyed by the line's
   * external id, e.g. {@code oid-1}), with a carrier code and tracking number, the way the
   * merchant's warehouse would — through {@link DeliveryBooking}. A connector without that
   * capability overrides this to drive its ERP (or its fake) directly, or the test is skipped.
   */
  default void shipInErp(ErpDocNo salesOrderNo, Map<String, Long> quantitiesByExternalLineId, String carrier, String trackingNo) {
    capability(DeliveryBooking.class).bookDelivery(salesOrderNo, stockWarehouse(), quantitiesByExternalLineId, carrier, trackingNo,
        "ship-" + java.util.UUID.randomUUID());
  }

  /**
   * A second connector on the same ERP, as another node of a cluster holds it (its own sessions,
   * caches and locks). The default is {@link #connector()} itself; connectors whose instances keep
   * state of their own override it, so the concurrency tests race two "nodes".
   */
  default ErpConnector otherNode() {
    return connector();
  }

  /**
   * Makes {@code write} as a lost response leaves it: the ERP applied the write, the caller got a
   * failure instead of the answer (a timeout, a dropped connection) and knows nothing. The default
   * performs the write and throws a retryable {@link ConnectorException}, which is exactly what the
   * caller sees; a connector test may override it to lose the response in its transport instead.
   */
  default void afterLostResponse(Runnable write) {
    write.run();
    throw new ConnectorException(LostResponse.CODE, true, "simulated: the response was lost after the ERP applied the write");
  }

  /** The error code of a simulated lost response. */
  enum LostResponse implements com.tmallbridge.core.ErrorCode {
    CODE;

    @Override
    public String code() {
      return "TEST-LOST";
    }

    @Override
    public String description() {
      return "a response lost after the ERP applied the write (simulated by the contract suite)";
    }
  }

  /** The connector as {@code type}, or the test is skipped when it lacks that capability. */
  default <T> T capability(Class<T> type) {
    assumeTrue(type.isInstance(connector()), () -> connector().id() + " has no " + type.getSimpleName());
    return type.cast(connector());
  }

  default MaterialCode saleableMaterial(long priceFen) {
    MaterialCode code = data().materialCode();
    givenMaterials(List.of(data().material(code, priceFen)));
    return code;
  }

  /** An order in this test's shop: 2 x 59.90 + 1 x 129.00 + 3 x 8.50 yuan with 10.00 post fee, all materials saleable. */
  default SalesOrder orderOfThreeLines(ChannelOrderNo orderNo) {
    MaterialCode a = saleableMaterial(5990);
    MaterialCode b = saleableMaterial(12900);
    MaterialCode c = saleableMaterial(850);
    return data().order(data().shopCode(), orderNo, 1000, List.of(line(1, a, 2, 5990), line(2, b, 1, 12900), line(3, c, 3, 850)));
  }

  default ErpDocNo customerOf(SalesOrder order) {
    return capability(CustomerSink.class).ensureCustomer(order.customer());
  }

  /** What {@link SalesOrderQuery#forEachChannelOrder} delivers for one shop code. */
  default List<ErpSalesOrderSummary> channelOrdersOf(String shopCode) {
    List<ErpSalesOrderSummary> seen = new ArrayList<>();
    capability(SalesOrderQuery.class).forEachChannelOrder(s -> {
      if (s.shopCode().equals(shopCode)) {
        seen.add(s);
      }
    });
    return seen;
  }

  default void assertNoOrderFor(SalesOrder order) {
    if (connector() instanceof SalesOrderQuery query) {
      assertThat(query.findByChannelOrder(order.shopCode(), order.orderNo())).isEmpty();
    }
  }

  /**
   * Runs {@code call} on {@code threads} threads released at the same moment, the even ones with
   * {@link #connector()} and the odd ones with {@link #otherNode()}; returns their results.
   */
  default <T> List<T> racing(int threads, java.util.function.Function<ErpConnector, T> call) throws Exception {
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    return concurrently(threads, () -> call.apply(next.getAndIncrement() % 2 == 0 ? connector() : otherNode()));
  }

  /** Runs {@code call} on {@code threads} threads released at the same moment; returns their results. */
  static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return call.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
