package com.tmallbridge.erp.embedded;

import static com.tmallbridge.erp.ErpTestData.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in ERP's writes join the caller's transaction (which makes an outbox handler's ERP
 * write exactly-once), and a second creator of the same order waits for the first one's outcome.
 */
@DatabaseTest
class EmbeddedTransactionTests {
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final ErpTestData data = new ErpTestData();
  private final EmbeddedErpConnector erp = DATABASE.get().connector(Clock.systemUTC());
  private final TransactionTemplate transaction = DATABASE.get().transaction();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void writesRollBackWithTheCallersTransaction() {
    SalesOrder order = saleableOrder();

    transaction.executeWithoutResult(status -> {
      erp.createSalesOrder(order, erp.ensureCustomer(order.customer()));
      status.setRollbackOnly();
    });

    assertThat(erp.findByChannelOrder(order.shopCode(), order.orderNo())).isEmpty();
    assertThat(count("select count(*) from erp_customer where external_key = :k", order.customer().externalKey())).isZero();
  }

  @Test
  void writesCommitWithTheCallersTransaction() {
    SalesOrder order = saleableOrder();

    ErpDocNo docNo = transaction.execute(status -> erp.createSalesOrder(order, erp.ensureCustomer(order.customer())));

    assertThat(erp.findByChannelOrder(order.shopCode(), order.orderNo()))
        .hasValueSatisfying(found -> assertThat(found.docNo()).isEqualTo(docNo));
  }

  @Test
  void secondCreatorWaitsForTheUncommittedFirstAndReturnsItsNumber() throws Exception {
    SalesOrder order = saleableOrder();
    ErpDocNo customer = erp.ensureCustomer(order.customer());
    UncommittedCreation first = UncommittedCreation.start(transaction, () -> erp.createSalesOrder(order, customer), threads);

    CompletableFuture<ErpDocNo> second = CompletableFuture.supplyAsync(() -> erp.createSalesOrder(order, customer), threads);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
    ErpDocNo firstNo = first.finish(true);

    assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(firstNo);
    assertThat(count("select count(*) from erp_sales_order where channel_order_no = :k", order.orderNo().value())).isEqualTo(1);
  }

  @Test
  void secondCreatorCreatesTheOrderWhenTheFirstRollsBack() throws Exception {
    SalesOrder order = saleableOrder();
    ErpDocNo customer = erp.ensureCustomer(order.customer());
    UncommittedCreation first = UncommittedCreation.start(transaction, () -> erp.createSalesOrder(order, customer), threads);

    CompletableFuture<ErpDocNo> second = CompletableFuture.supplyAsync(() -> erp.createSalesOrder(order, customer), threads);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
    ErpDocNo firstNo = first.finish(false);

    ErpDocNo secondNo = second.get(30, TimeUnit.SECONDS);
    assertThat(secondNo).isNotEqualTo(firstNo);
    assertThat(erp.findByChannelOrder(order.shopCode(), order.orderNo()))
        .hasValueSatisfying(found -> assertThat(found.docNo()).isEqualTo(secondNo));
  }

  @Test
  void secondEnsureCustomerWaitsForTheUncommittedFirstAndReturnsItsNumber() throws Exception {
    CustomerRecord buyer = data.customer(3);
    UncommittedCreation first = UncommittedCreation.start(transaction, () -> erp.ensureCustomer(buyer), threads);

    CompletableFuture<ErpDocNo> second = CompletableFuture.supplyAsync(() -> erp.ensureCustomer(buyer), threads);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
    ErpDocNo firstNo = first.finish(true);

    assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(firstNo);
  }

  private SalesOrder saleableOrder() {
    MaterialCode code = data.materialCode();
    erp.upsertMaterial(data.material(code, 3900));
    return data.order(data.shopCode(), data.orderNo(), 0, List.of(line(1, code, 1, 3900)));
  }

  private static long count(String sql, String key) {
    return DATABASE.get().jdbc().sql(sql).param("k", key).query(Long.class).single();
  }

  /** A creation that ran in a transaction on another thread and waits there to commit or roll back. */
  private static final class UncommittedCreation {
    private final CompletableFuture<ErpDocNo> result = new CompletableFuture<>();
    private final CountDownLatch created = new CountDownLatch(1);
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile boolean commit;

    static UncommittedCreation start(TransactionTemplate transaction, Supplier<ErpDocNo> creation, ExecutorService threads)
        throws InterruptedException {
      UncommittedCreation c = new UncommittedCreation();
      threads.execute(() -> c.run(transaction, creation));
      assertThat(c.created.await(30, TimeUnit.SECONDS)).as("first creation done, not yet committed").isTrue();
      assertThat(c.result).isNotDone();
      return c;
    }

    ErpDocNo finish(boolean commitIt) throws Exception {
      commit = commitIt;
      decided.countDown();
      return result.get(30, TimeUnit.SECONDS);
    }

    private void run(TransactionTemplate transaction, Supplier<ErpDocNo> creation) {
      try {
        result.complete(transaction.execute(status -> {
          ErpDocNo no = creation.get();
          created.countDown();
          awaitDecision();
          if (!commit) {
            status.setRollbackOnly();
          }
          return no;
        }));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        created.countDown();
      }
    }

    private void awaitDecision() {
      try {
        decided.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
