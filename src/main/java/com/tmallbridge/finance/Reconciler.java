package com.tmallbridge.finance;

import com.tmallbridge.aftersale.RefundStage;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.shop.Shop;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reconciliation run of a shop over consecutive days: reads the ERP side through {@link
 * SalesOrderQuery#findByChannelOrders} in batches into a staging table, then compares it with the
 * Tmall side ({@code order_trade}, {@code aftersale_refund}) and the settlement side in one
 * statement and replaces the days' results (one transaction). On H2 the Tmall and settlement
 * sides are first staged with {@code INSERT ... SELECT} (see {@link ReconciliationRepository}).
 * Runs of one shop are serialised in this process; staging rows are removed whatever the outcome.
 */
@Component
class Reconciler {
  /** Tmall's day: TOP reports GMT+8 wall time. */
  static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  /** How long a stopping run waits for ERP look-ups already in flight (a remote ERP's read timeout is 60 s). */
  private static final java.time.Duration READERS_STOP_WAIT = java.time.Duration.ofSeconds(90);
  private static final List<String> REFLECTED_STAGES =
      Arrays.stream(RefundStage.values()).filter(RefundStage::settlesSuccess).map(Enum::name).toList();

  private final ReconciliationRepository repository;
  private final ErpRegistry erp;
  private final ReconciliationProperties settings;
  private final FeeRateProperties rates;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Map<Long, Object> shopLocks = new ConcurrentHashMap<>();

  Reconciler(ReconciliationRepository repository, ErpRegistry erp, ReconciliationProperties settings, FeeRateProperties rates,
      PlatformTransactionManager transactions, Clock clock) {
    this.repository = repository;
    this.erp = erp;
    this.settings = settings;
    this.rates = rates;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Reconciles {@code days} (consecutive, oldest first) of {@code shop}; returns the run id.
   *
   * @throws RuntimeException when a side cannot be read; the days keep their previous results
   */
  long run(Shop shop, List<LocalDate> days) {
    synchronized (shopLocks.computeIfAbsent(shop.id().value(), k -> new Object())) {
      long shopId = shop.id().value();
      long run = repository.startRun(shopId, days.get(0), days.get(days.size() - 1), clock.instant());
      try {
        long t0 = System.nanoTime();
        ReconciliationRepository.Span span = new ReconciliationRepository.Span(shopId, days.get(0), days.get(days.size() - 1), TMALL_ZONE);
        transaction.executeWithoutResult(status -> {
          repository.tuneTransaction();
          repository.stageLocalSides(run, span, REFLECTED_STAGES);
        });
        long t1 = System.nanoTime();
        stageErp(run, shop, span);
        repository.analyzeErpSide();
        long t2 = System.nanoTime();
        DifferenceRules rules = DifferenceRules.of(settings, rates, clock);
        transaction.executeWithoutResult(status -> {
          repository.tuneTransaction();
          repository.writeResults(run, span, REFLECTED_STAGES, rules, clock.instant());
          repository.clearStaging(run);
          repository.finishRun(run, "OK", null, clock.instant());
        });
        log.info("reconciliation run {} of shop {}, {} day(s) from {}: Tmall and settlement staged in {} ms, ERP in {} ms, compared in {} ms",
            run, shop.code(), days.size(), days.get(0), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return run;
      } catch (RuntimeException e) {
        log.warn("reconciliation run {} of shop {} failed", run, shop.code(), e);
        repository.clearStaging(run);
        repository.finishRun(run, "FAILED", abbreviate(e.toString()), clock.instant());
        throw e;
      }
    }
  }

  /**
   * The ERP's sales orders of the run's trades, {@code erp-batch} channel order numbers per look-up
   * and {@code erp-readers} look-ups in flight at once, each batch staged as soon as it is read. The
   * first failure stops the others and is thrown.
   */
  private void stageErp(long run, Shop shop, ReconciliationRepository.Span span) {
    SalesOrderQuery query = erp.capability(SalesOrderQuery.class);
    List<String> all = repository.tids(run, span);
    List<Callable<Void>> batches = new ArrayList<>();
    for (int i = 0; i < all.size(); i += settings.erpBatch()) {
      List<String> part = all.subList(i, Math.min(all.size(), i + settings.erpBatch()));
      batches.add(() -> {
        Map<ChannelOrderNo, ErpSalesOrderSummary> found = query.findByChannelOrders(shop.code(), part.stream().map(ChannelOrderNo::new).toList());
        List<ReconciliationRepository.ErpRow> rows = new ArrayList<>(found.size());
        found.forEach((no, s) -> rows.add(new ReconciliationRepository.ErpRow(no.value(), s.docNo().value(), s.totalFen(), s.status().name())));
        repository.stageErp(run, rows);
        return null;
      });
    }
    if (batches.isEmpty()) {
      return;
    }
    ExecutorService readers = Executors.newFixedThreadPool(Math.min(settings.erpReaders(), batches.size()), r -> {
      Thread t = new Thread(r, "reconcile-erp-" + shop.code());
      t.setDaemon(true);
      return t;
    });
    try {
      ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(readers);
      List<Future<Void>> futures = batches.stream().map(done::submit).toList();
      for (int i = 0; i < futures.size(); i++) {
        try {
          done.take().get();
        } catch (ExecutionException e) {
          futures.forEach(f -> f.cancel(true));
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the ERP's sales orders", e);
    } finally {
      stop(readers);
    }
  }

  /**
   * Cancels the look-ups not yet started and waits for those in flight, so that no batch is staged
   * after the run has removed its staging rows (a failed run removes them at once).
   */
  private static void stop(ExecutorService readers) {
    readers.shutdownNow();
    try {
      if (!readers.awaitTermination(READERS_STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("ERP look-ups of a reconciliation still running {} after the run stopped", READERS_STOP_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
