package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.testsupport.MutableClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The generated catalog's stock, and the uniform catalog builder for benchmarks. */
class CatalogTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  @Test
  void buildsFiftyThousandSkusWithPredictableCodesInSeconds() {
    CatalogSpec spec = CatalogSpec.uniform(2_500, 20, 100, "BENCH");
    long started = System.nanoTime();
    try (TmallSandbox sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)).withCatalog(spec))) {
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("built and started a 2,500 x 20 catalog in " + millis + " ms");
      assertThat(millis).isLessThan(10_000);

      List<SandboxItem> items = sandbox.items();
      Map<StockKey, Integer> quantities = sandbox.quantities();
      assertThat(items).hasSize(2_500);
      assertThat(quantities).hasSize(50_000);
      assertThat(quantities.values()).allMatch(q -> q == 100);
      Set<String> codes = new HashSet<>();
      for (int i = 1; i <= 2_500; i++) {
        SandboxItem item = items.get(i - 1);
        assertThat(item.outerId()).isEqualTo(spec.itemOuterId(i));
        assertThat(item.skus()).hasSize(20);
        assertThat(item.quantity()).isEqualTo(2_000);
        assertThat(item.onSale()).isTrue();
        for (int j = 1; j <= 20; j++) {
          assertThat(item.skus().get(j - 1).outerId()).isEqualTo(spec.skuOuterId(i, j));
          codes.add(item.skus().get(j - 1).outerId());
        }
      }
      assertThat(codes).hasSize(50_000).contains("BENCH00001-01", "BENCH02500-20");
      assertThat(items.stream().flatMap(i -> i.skus().stream()).map(SandboxSku::properties).distinct().count()).isEqualTo(20);

      SandboxItem last = items.get(2_499);
      JsonNode answer =
          new TopTestClient(sandbox)
              .call(
                  "taobao.skus.quantity.update",
                  Map.of("num_iid", Long.toString(last.numIid()), "outerid_quantities", "BENCH02500-20:7;BENCH02500-01:8"));
      assertThat(answer.path("skus_quantity_update_response").path("item").path("num").asInt()).isEqualTo(18 * 100 + 15);
      JsonNode page =
          new TopTestClient(sandbox)
              .call("taobao.items.onsale.get", Map.of("fields", "num_iid", "page_size", "200"))
              .path("items_onsale_get_response");
      assertThat(page.path("total_results").asInt()).isEqualTo(2_500);
    }
  }

  @Test
  void manySkusGetASpecificationPropertyAndSkuLessItemsHaveOnePosition() {
    try (TmallSandbox sandbox =
        TmallSandbox.start(
            SandboxConfig.defaults().withClock(new MutableClock(NOW)).withCatalog(CatalogSpec.uniform(3, 40, 1, "X")))) {
      SandboxSku sku = sandbox.items().get(0).skus().get(39);
      assertThat(sku.propertiesName()).endsWith(":规格:规格040");
      assertThat(sku.displayName()).isEqualTo("规格:规格040");
    }
    SandboxShop plain;
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)))) {
      plain = sandbox.addShop("无规格店", CatalogSpec.uniform(4, 0, 9, "N").withStockMode(StockMode.ON_CREATION));
      assertThat(plain.quantities()).hasSize(4).containsEntry(new StockKey(plain.items().get(3).numIid(), ""), 9);
      assertThat(plain.items()).allMatch(i -> i.skus().isEmpty() && i.quantity() == 9 && i.stockMode() == StockMode.ON_CREATION);
      assertThat(plain.items().get(3).outerId()).isEqualTo("N00004");
    }
  }

  @Test
  void theGeneratedCatalogHasRealisticStockAndBothStockModes() {
    for (long seed = 1; seed <= 6; seed++) {
      try (TmallSandbox sandbox =
          TmallSandbox.start(SandboxConfig.defaults().withSeed(seed).withClock(new MutableClock(NOW)))) {
        List<SandboxItem> items = sandbox.items();
        assertThat(items).extracting(SandboxItem::stockMode).contains(StockMode.ON_CREATION, StockMode.ON_PAYMENT);
        assertThat(sandbox.quantities().values()).allMatch(q -> q >= 0 && q <= 20_000).contains(0);
        assertThat(sandbox.quantities().values().stream().mapToLong(Integer::longValue).sum()).isGreaterThan(200_000);
        assertThat(items).allMatch(i -> i.withHoldQuantity() == 0);
        assertThat(items)
            .filteredOn(i -> !i.skus().isEmpty())
            .allMatch(i -> i.quantity() == i.skus().stream().mapToInt(SandboxSku::quantity).sum());
      }
    }
  }

  @Test
  void refusesImpossibleCatalogs() {
    assertThatThrownBy(() -> CatalogSpec.uniform(0, 2, 1, "A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CatalogSpec.uniform(2, -1, 1, "A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CatalogSpec.uniform(2, 601, 1, "A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CatalogSpec.uniform(2, 2, -1, "A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CatalogSpec.uniform(2, 2, 1, "A:B")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CatalogSpec.uniform(100_000, 600, 1, "A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CatalogSpec.generated(5).withStockMode(StockMode.ON_CREATION))
        .isInstanceOf(IllegalStateException.class);
  }
}
