package com.tmallbridge.demo;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.product.MatchProgress;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.stock.StockRule;
import com.tmallbridge.stock.StockSync;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The stock half of the demo, played as a merchant's team would: the product match, a publish
 * rule, safety stock on a few materials and a first publication; then, while trades flow, the
 * warehouse receives goods, counts stock and ships sales orders (some in two parcels) in the
 * built-in ERP, and the bridge keeps Tmall's figures in step.
 */
@Component
class DemoStock {
  /** Publish 0 when fewer than this many units could be sold (the demo shop's zero-out rule). */
  static final long ZERO_BELOW = 3;
  /** Safety stock held back on the first few materials. */
  static final long SAFETY = 5;
  private static final String WAREHOUSE = "WH01";
  private static final int CYCLE_ATTEMPTS = 5;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoStock.class);

  private final ProductManagement products;
  private final StockManagement stock;
  private final StockSync stockSync;
  private final ErpRegistry erp;
  private final EmbeddedErpOperations warehouse;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong counted = new AtomicLong();
  private final AtomicLong shipped = new AtomicLong();
  private final AtomicLong splitParcels = new AtomicLong();
  private final Set<String> fullyShipped = new HashSet<>();
  private final Set<String> partlyShipped = new HashSet<>();

  DemoStock(ProductManagement products, StockManagement stock, StockSync stockSync, ErpRegistry erp, EmbeddedErpOperations warehouse) {
    this.products = products;
    this.stock = stock;
    this.stockSync = stockSync;
    this.erp = erp;
    this.warehouse = warehouse;
  }

  /**
   * Matches the shop's listings, sets the shop's rule and safety stock, and publishes every
   * figure once.
   *
   * @return the materials given safety stock
   */
  List<MaterialCode> prepare(Shop shop, List<MaterialCode> materials) {
    products.match(shop.id(), MatchProgress.NONE);
    stock.putRule(new StockRule(shop.id(), "", "", null, 100, null, null, null, ZERO_BELOW, null));
    List<MaterialCode> safe = materials.stream().limit(3).toList();
    safe.forEach(m -> stock.putSafety(m, SAFETY));
    cycle(stockSync::runFullPass);
    return safe;
  }

  /**
   * One step of warehouse life: a receipt or two, now and then a stocktake that finds a damaged
   * unit, and shipments of sales orders the ERP holds; then one stock cycle of the bridge.
   */
  void step(TmallSandbox sandbox, List<MaterialCode> materials, Random random) {
    if (!materials.isEmpty()) {
      for (int i = 0; i < 1 + random.nextInt(2); i++) {
        MaterialCode m = materials.get(random.nextInt(materials.size()));
        warehouse.receive(WAREHOUSE, m, 5 + random.nextInt(46), "demo-receipt-" + received.incrementAndGet());
      }
      if (random.nextInt(4) == 0) {
        MaterialCode m = materials.get(random.nextInt(materials.size()));
        long onHand = erp.capability(StockLedger.class).onHand(m).getOrDefault(WAREHOUSE, 0L);
        if (onHand > 0) {
          warehouse.stocktake(WAREHOUSE, m, onHand - 1, "demo-count-" + counted.incrementAndGet());
        }
      }
    }
    ship(sandbox, random);
    cycle(stockSync::runOnce);
  }

  /**
   * Runs one stock cycle as the continuous mode does: a failure (say, a row another transaction
   * holds too long) is logged and the cycle runs again, up to a few times, instead of stopping the
   * demo — nothing is lost, the next cycle picks up where this one stopped.
   */
  private void cycle(Runnable cycle) {
    for (int attempt = 1; ; attempt++) {
      try {
        cycle.run();
        return;
      } catch (RuntimeException e) {
        if (attempt == CYCLE_ATTEMPTS) {
          throw e;
        }
        log.warn("stock cycle failed (attempt {} of {}); running it again", attempt, CYCLE_ATTEMPTS, e);
      }
    }
  }

  /**
   * Ships about two thirds of the ERP's open sales orders whose trade is still waiting on Tmall;
   * a multi-line order ships in two parcels (the first line now, the rest on a later step).
   */
  private void ship(TmallSandbox sandbox, Random random) {
    List<ErpSalesOrderSummary> open = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> {
      if (DemoSeeder.SHOP_CODE.equals(o.shopCode()) && !fullyShipped.contains(o.docNo().value())) {
        open.add(o);
      }
    });
    for (ErpSalesOrderSummary o : open) {
      String doc = o.docNo().value();
      SandboxTrade trade = sandbox.trade(Long.parseLong(o.orderNo().value())).orElse(null);
      if (trade == null || !"WAIT_SELLER_SEND_GOODS".equals(trade.status()) || random.nextInt(3) == 0) {
        continue;
      }
      try {
        List<OpenLine> lines = warehouse.openLines(o.docNo());
        List<OpenLine> remaining = lines.stream().filter(l -> l.open() > 0).toList();
        if (remaining.isEmpty()) {
          fullyShipped.add(doc);
          continue;
        }
        if (remaining.size() > 1 && !partlyShipped.contains(doc)) {
          OpenLine first = remaining.get(0);
          warehouse.ship(new Shipment(o.docNo(), WAREHOUSE, "SF", trackingNo(doc, 1), doc + "/1", Map.of(first.lineNo(), first.open())));
          partlyShipped.add(doc);
          splitParcels.incrementAndGet();
        } else {
          warehouse.ship(Shipment.inFull(o.docNo(), WAREHOUSE, "SF", trackingNo(doc, 2), doc + "/2"));
          fullyShipped.add(doc);
          shipped.incrementAndGet();
        }
      } catch (ConnectorException e) {
        // the order was cancelled or changed meanwhile: leave it to the operators, as a warehouse would
        fullyShipped.add(doc);
      }
    }
  }

  /** A plausible SF waybill number, stable for one parcel. */
  private static String trackingNo(String doc, int parcel) {
    return "SF" + String.format("%013d", Math.abs((long) (doc + "/" + parcel).hashCode()) % 10_000_000_000_000L);
  }

  /** The final pass: every figure recomputed, Tmall's read back, drift corrected and pushed. */
  Finish finish() {
    cycle(stockSync::runOnce);
    cycle(stockSync::runFullPass);
    StockManagement.CheckReport check = stock.check(null, true);
    cycle(stockSync::runOnce);
    return new Finish(check.drifts().size(), check.oversells().size());
  }

  long shippedOrders() {
    return shipped.get();
  }

  long splitParcels() {
    return splitParcels.get();
  }

  long receipts() {
    return received.get();
  }

  long stocktakes() {
    return counted.get();
  }

  /**
   * What the final pass found.
   *
   * @param driftsCorrected listings whose Tmall figure differed and were pushed again
   * @param oversells trades flagged as sold beyond sellable stock
   */
  record Finish(int driftsCorrected, int oversells) {}
}
