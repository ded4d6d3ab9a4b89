package com.tmallbridge.demo;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.StockKey;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.sync.OutboxAdmin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Samples Tmall's figures against the ERP's sellable stock at every step of the demo, not only at
 * the end ({@code stock.overPublishedDuringRun}). A figure the bridge pushes was computed in one of
 * its stock cycles, so the ERP's sellable stock is read just before each cycle; at the next step
 * Tmall's figures may add up to no more, per material, than the most the ERP allowed at any cycle
 * since the last sample or allows now. Lags are legitimate (a trade paid on Tmall before the bridge
 * imported it, a replacement order created after the cycle); publishing more than the ERP allowed
 * at any of those moments is not (a stocktake ignored, safety stock or open orders left out, an old
 * push landing over a newer one). Tmall also raises a figure itself: a trade on a 拍下减库存 listing
 * closed unpaid gets its units back on top of what was pushed; for {@link OrderCheck#GRACE} after
 * such a closure its units are allowed too, the time the bridge has to see it and push again.
 *
 * <p>A sample is taken only when no stock push is queued or being retried (a push under way
 * carries a figure of a cycle the sample would not cover). That reads the bridge's outbox to pace
 * the samples, as {@link BridgeCatchUp} paces the warehouse; the comparison itself reads the
 * sandbox and the ERP.
 */
@Component
class StockWatch {
  /** Outbox aggregate type of the stock pushes ({@code StockPushes}). */
  private static final String STOCK_PUSH = "stock-item";
  private static final int SAMPLES = 10;

  private final ErpSellable erp;
  private final OutboxAdmin outbox;
  private final Map<MaterialCode, Long> allowed = new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private long taken;
  private long skipped;
  private long overPublished;
  private boolean due;

  StockWatch(ErpSellable erp, OutboxAdmin outbox) {
    this.erp = erp;
    this.outbox = outbox;
  }

  /** Notes what the ERP allows now, just before a stock cycle of the bridge. */
  void beforeCycle(TmallSandbox sandbox, Map<MaterialCode, Long> safety) {
    allowedAtCycle(erp.sellable(sandbox, safety));
  }

  synchronized void allowedAtCycle(Map<MaterialCode, Long> sellable) {
    if (due) {
      skipped++; // no sample since the previous cycle: its window runs on into this one
    }
    due = true;
    sellable.forEach((m, q) -> allowed.merge(m, q, Math::max));
  }

  /**
   * Compares Tmall's figures now with what the ERP allowed, once after each stock cycle: does
   * nothing when there was no cycle since the last sample or while stock pushes are under way (the
   * demo calls it on every tick, so the sample comes as soon as the pushes are through).
   */
  synchronized void sample(TmallSandbox sandbox, Map<MaterialCode, Long> safety) {
    if (!due || pushesUnderWay()) {
      return;
    }
    Map<MaterialCode, Long> now = new HashMap<>(erp.sellable(sandbox, safety));
    Instant since = sandbox.clock().instant().minus(OrderCheck.GRACE);
    StockCheck.givenBackSince(sandbox.items(), sandbox.trades(), since, DemoSeeder::materialCode).forEach((m, q) -> now.merge(m, q, Long::sum));
    compare(sandbox.items(), sandbox.quantities(), now);
  }

  /** One sample: Tmall's figures against the most the ERP allowed at the cycles since the last sample or {@code now}. */
  synchronized void compare(List<SandboxItem> items, Map<StockKey, Integer> quantities, Map<MaterialCode, Long> now) {
    Map<MaterialCode, Long> most = new HashMap<>(now);
    allowed.forEach((m, q) -> most.merge(m, q, Math::max));
    List<String> found = new ArrayList<>();
    overPublished += StockCheck.overPublished(items, quantities, most, DemoSeeder::materialCode, found);
    found.stream().limit(Math.max(0, SAMPLES - problems.size())).forEach(p -> problems.add("sample " + (taken + 1) + ": " + p));
    taken++;
    due = false;
    allowed.clear();
  }

  /** Whether a stock push is queued, being delivered or waiting for a retry (the bridge's outbox: pacing only). */
  boolean pushesUnderWay() {
    return outbox.anyUndelivered(STOCK_PUSH);
  }

  /** Materials over-published, summed over the samples. */
  synchronized long overPublished() {
    return overPublished;
  }

  synchronized long taken() {
    return taken;
  }

  /** Cycles after which no sample could be taken before the next cycle (stock pushes still under way). */
  synchronized long skipped() {
    return skipped;
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }
}
