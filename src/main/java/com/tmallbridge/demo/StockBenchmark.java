package com.tmallbridge.demo;

import com.tmallbridge.channel.StockPublisher;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.product.MatchProgress;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.CatalogSpec;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.StockKey;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.StockSync;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The stock benchmark behind {@code bench/stock.sh}: a shop with N SKUs (20 per item) whose ERP
 * stock all changes at once; measures the time from the ERP's change to the moment the sandbox
 * shows every new figure, and next to it the time the same number of bare quantity-update calls
 * (20 SKUs each, straight through the TOP client, no bridge logic) takes in the same run. Both go
 * through the client's per-shop rate limit ({@code bridge.channel.tmall.calls-per-second}).
 */
@Service
public class StockBenchmark {
  private static final int SKUS_PER_ITEM = StockPublisher.MAX_SKUS_PER_CALL;
  private static final String WAREHOUSE = "WH01";
  private static final int OPENING = 100;

  private final DemoSeeder seeder;
  private final ProductManagement products;
  private final StockSync stockSync;
  private final StockPublisher publisher;
  private final ErpRegistry erp;
  private final EmbeddedErpOperations warehouse;
  private final Clock clock;

  StockBenchmark(DemoSeeder seeder, ProductManagement products, StockSync stockSync, StockPublisher publisher, ErpRegistry erp,
      EmbeddedErpOperations warehouse, Clock clock) {
    this.seeder = seeder;
    this.products = products;
    this.stockSync = stockSync;
    this.publisher = publisher;
    this.erp = erp;
    this.warehouse = warehouse;
    this.clock = clock;
  }

  /**
   * What one run measured.
   *
   * @param skus SKUs whose stock changed
   * @param stockSeconds ERP change → every new figure on the sandbox, through the bridge
   * @param calls quantity-update calls the bridge made for it
   * @param bareCallsSeconds the same number of bare calls
   * @param wrong SKUs whose sandbox figure was not the expected one at the end (0 when correct)
   */
  public record Figures(int skus, double stockSeconds, long calls, double bareCallsSeconds, long wrong) {}

  public Figures run(int skus, long seed, Consumer<String> progress) throws InterruptedException {
    int items = (skus + SKUS_PER_ITEM - 1) / SKUS_PER_ITEM;
    CatalogSpec catalog = CatalogSpec.uniform(items, SKUS_PER_ITEM, OPENING, "BENCH");
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(seed).withClock(clock).withCatalog(catalog))) {
      Shop shop = seeder.addShop(sandbox, clock.instant().minus(Duration.ofMinutes(5)), "BENCH");
      progress.accept("seeding " + items * SKUS_PER_ITEM + " ERP materials with opening stock");
      List<MaterialCode> materials = seed(sandbox, progress);
      progress.accept("matching " + materials.size() + " Tmall SKUs to ERP materials");
      products.match(shop.id(), MatchProgress.NONE);
      progress.accept("first publication of every figure (not measured)");
      stockSync.runFullPass();

      progress.accept("the ERP receives goods for every material");
      Map<StockKey, Integer> expected = new HashMap<>();
      int k = 0;
      for (SandboxItem item : sandbox.items()) {
        for (SandboxSku sku : item.skus()) {
          int delta = 1 + (k++ % 37);
          warehouse.receive(WAREHOUSE, new MaterialCode(sku.outerId()), delta, "bench-receipt-" + sku.outerId());
          expected.put(StockKey.of(item.numIid(), sku.skuId()), OPENING + delta);
        }
      }
      long callsBefore = sandbox.stockStats().updateCalls();
      progress.accept("measured: bridge picks up " + expected.size() + " changes and publishes them");
      long t0 = System.nanoTime();
      long wrong = expected.size();
      for (int round = 0; round < 20 && wrong > 0; round++) {
        stockSync.runOnce();
        wrong = wrong(sandbox.quantities(), expected);
      }
      double stockSeconds = (System.nanoTime() - t0) / 1e9;
      long calls = sandbox.stockStats().updateCalls() - callsBefore;
      progress.accept(String.format("  %.1f s, %d calls, %d SKUs not showing their new figure", stockSeconds, calls, wrong));

      progress.accept("bare calls: " + calls + " skus.quantity.update calls of 20 SKUs through the TOP client, nothing else");
      double bareSeconds = bareCalls(sandbox, shop, calls);
      progress.accept(String.format("  %.1f s", bareSeconds));
      return new Figures(expected.size(), stockSeconds, calls, bareSeconds, wrong);
    }
  }

  private List<MaterialCode> seed(TmallSandbox sandbox, Consumer<String> progress) {
    MaterialCatalog catalog = erp.capability(MaterialCatalog.class);
    List<MaterialCode> codes = new java.util.ArrayList<>();
    for (SandboxItem item : sandbox.items()) {
      for (SandboxSku sku : item.skus()) {
        MaterialCode code = new MaterialCode(sku.outerId());
        catalog.upsertMaterial(new Material(code, item.title() + " " + sku.outerId(), "pcs", sku.priceFen()));
        warehouse.receive(WAREHOUSE, code, OPENING, "bench-opening-" + code.value());
        codes.add(code);
        if (codes.size() % 10_000 == 0) {
          progress.accept("  " + codes.size() + " materials");
        }
      }
    }
    return codes;
  }

  /** The same number of calls, each setting 20 SKUs of one item, one after the other. */
  private double bareCalls(TmallSandbox sandbox, Shop shop, long calls) {
    List<SandboxItem> items = sandbox.items();
    long t0 = System.nanoTime();
    for (int c = 0; c < calls; c++) {
      SandboxItem item = items.get(c % items.size());
      Map<String, Long> figures = new LinkedHashMap<>();
      item.skus().forEach(s -> figures.put(Long.toString(s.skuId()), (long) (OPENING + 50)));
      publisher.setSkuQuantities(shop.credentials(), Long.toString(item.numIid()), figures);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long wrong(Map<StockKey, Integer> shown, Map<StockKey, Integer> expected) {
    return expected.entrySet().stream().filter(e -> !e.getValue().equals(shown.get(e.getKey()))).count();
  }
}
