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
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reconciliation run of a shop over consecutive days: stages the Tmall side ({@code
 * order_trade}, {@code aftersale_refund}) and the settlement side with {@code INSERT ... SELECT},
 * the ERP side through {@link SalesOrderQuery#findByChannelOrders} in batches, then compares the
 * three in one statement and replaces the days' results (one transaction). Runs of one shop are
 * serialised in this process; staging rows are removed whatever the outcome.
 */
@Component
class Reconciler {
  /** Tmall's day: TOP reports GMT+8 wall time. */
  static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
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
        transaction.executeWithoutResult(status -> {
          repository.tuneTransaction();
          repository.stageSpan(run, days, TMALL_ZONE);
          repository.stageTrades(run, shopId);
          repository.stageUnknown(run, shopId);
          repository.stageRefunds(run, shopId, REFLECTED_STAGES);
        });
        repository.analyzeStaging();
        long t1 = System.nanoTime();
        stageErp(run, shop);
        repository.analyzeStaging();
        long t2 = System.nanoTime();
        DifferenceRules rules = DifferenceRules.of(settings, rates, clock);
        transaction.executeWithoutResult(status -> {
          repository.tuneTransaction();
          repository.writeResults(run, shopId, days, rules, clock.instant());
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

  /** The ERP's sales orders of the staged trades, {@code erp-batch} channel order numbers per look-up. */
  private void stageErp(long run, Shop shop) {
    SalesOrderQuery query = erp.capability(SalesOrderQuery.class);
    List<String> all = repository.tids(run);
    for (int i = 0; i < all.size(); i += settings.erpBatch()) {
      List<ChannelOrderNo> batch = all.subList(i, Math.min(all.size(), i + settings.erpBatch())).stream().map(ChannelOrderNo::new).toList();
      Map<ChannelOrderNo, ErpSalesOrderSummary> found = query.findByChannelOrders(shop.code(), batch);
      List<ReconciliationRepository.ErpRow> rows = new ArrayList<>(found.size());
      found.forEach((no, s) -> rows.add(new ReconciliationRepository.ErpRow(no.value(), s.docNo().value(), s.totalFen(), s.status().name())));
      repository.stageErp(run, rows);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
