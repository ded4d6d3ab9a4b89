package com.tmallbridge.cli;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.BridgeApplication;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.FaultSettings;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.RunsAlongside;
import com.tmallbridge.testsupport.TestDatabase;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kills the bridge process with SIGKILL in the middle of a sync, restarts it, and checks against
 * the sandbox that no paid trade is lost and none is exported twice.
 */
@RunsAlongside("waits for bridge child JVMs killed with SIGKILL; its database is its own (a directory, or a PostgreSQL database of its own)")
@DatabaseTest
class CrashRecoveryTests {
  @TempDir Path dir;

  private String url;
  private String user;

  @Test
  void aKilledSyncLosesAndDuplicatesNothingAfterRestart() throws Exception {
    TestDatabase db = TestDatabase.isPostgres() ? TestDatabase.create() : null;
    url = db != null ? db.url() : "jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE;QUERY_CACHE_SIZE=128;AUTO_SERVER=TRUE";
    user = db != null ? db.username() : "sa";
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(21))) {
      Instant now = sandbox.clock().instant();
      // enough that the kill lands mid-export (it comes at the first ERP order) and the restart has most of the work left
      sandbox.generateHistory(1000, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
      withContext(ctx -> seed(ctx, sandbox, now));
      sandbox.faults(FaultSettings.none().withLatencyMillis(20));
      long paid = sandbox.trades().stream().filter(t -> t.everPaid() && !"TRADE_CLOSED".equals(t.status())).count();

      Process sync = bridge("sync", "--workers", "2");
      // the bridge must own the database (H2 auto-server) before this JVM connects to watch it
      await().atMost(Duration.ofMinutes(2)).until(() -> output("sync", "--workers", "2").contains("continuously; Ctrl-C to stop") || !sync.isAlive());
      await().atMost(Duration.ofMinutes(3)).until(() -> !sync.isAlive() || exported() > 0);
      assertThat(sync.isAlive()).as("the bridge died on its own: %s", output("sync", "--workers", "2")).isTrue();
      long atKill = exported();
      sync.destroyForcibly().waitFor();
      System.out.println("killed the bridge with " + atKill + " of " + paid + " paid trades exported");
      assertThat(atKill).as("the kill must land in the middle of the sync").isBetween(1L, paid - 1);

      sandbox.faults(FaultSettings.none());
      Process restart = bridge("sync", "--once");
      assertThat(restart.waitFor()).as("sync --once exit code; output: %s", output("sync", "--once")).isZero();

      Map<String, List<ErpSalesOrderSummary>> inErp = erpOrders();
      for (SandboxTrade t : sandbox.trades()) {
        List<ErpSalesOrderSummary> found = inErp.getOrDefault(Long.toString(t.tid()), List.of());
        if (t.everPaid() && "TRADE_CLOSED".equals(t.status())) {
          // closed after payment: created and cancelled, or never created (docs/order-changes.md)
          assertThat(found).as("ERP orders of closed trade %s", t.tid()).hasSizeLessThanOrEqualTo(1)
              .allSatisfy(o -> assertThat(o.status()).isEqualTo(ErpOrderStatus.CANCELLED));
        } else if (t.everPaid()) {
          assertThat(found).as("ERP orders of paid trade %s", t.tid()).hasSize(1);
          assertThat(found.get(0).totalFen()).isEqualTo(t.paymentFen());
        } else {
          assertThat(found).as("ERP orders of unpaid trade %s", t.tid()).isEmpty();
        }
      }
      assertThat(inErp.values().stream().filter(l -> l.get(0).status() != ErpOrderStatus.CANCELLED)).hasSize((int) paid);
    }
  }

  private void seed(ConfigurableApplicationContext ctx, TmallSandbox sandbox, Instant now) {
    var c = sandbox.credentials();
    Shop shop = ctx.getBean(ShopManagement.class).add(new ShopRegistration("CR", "crash", sandbox.url(), c.appKey(), c.appSecret(),
        c.sessionKey(), "hmac", now.minus(Duration.ofHours(3))));
    MaterialCatalog catalog = ctx.getBean(ErpRegistry.class).capability(MaterialCatalog.class);
    ProductManagement orders = ctx.getBean(ProductManagement.class);
    for (SandboxItem item : sandbox.items()) {
      if (item.skus().isEmpty()) {
        material(catalog, orders, shop, item.numIid(), null, item.outerId());
      }
      for (SandboxSku sku : item.skus()) {
        material(catalog, orders, shop, item.numIid(), sku.skuId(),
            sku.outerId() != null ? sku.outerId() : item.skus().size() == 1 ? item.outerId() : null);
      }
    }
  }

  private static void material(MaterialCatalog catalog, ProductManagement orders, Shop shop, long numIid, Long skuId, String code) {
    String material = code != null ? code : "MAT-" + numIid + "-" + skuId;
    if (code == null) {
      orders.putMapping(shop.id(), Long.toString(numIid), skuId == null ? null : Long.toString(skuId), material);
    }
    catalog.upsertMaterial(new Material(new MaterialCode(material), material, "pcs", 100));
  }

  private Map<String, List<ErpSalesOrderSummary>> erpOrders() {
    List<ErpSalesOrderSummary> all = new ArrayList<>();
    withContext(ctx -> ctx.getBean(ErpRegistry.class).capability(SalesOrderQuery.class).forEachChannelOrder(all::add));
    return all.stream().collect(Collectors.groupingBy(o -> o.orderNo().value()));
  }

  private long exported() throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, "");
        ResultSet rs = c.createStatement().executeQuery("select count(*) from erp_sales_order")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      return 0;
    }
  }

  private void withContext(Consumer<ConfigurableApplicationContext> work) {
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(BridgeApplication.class)
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--bridge.data=" + dir)) {
      work.accept(ctx);
    }
  }

  private String output(String... args) throws java.io.IOException {
    return java.nio.file.Files.readString(outputFile(args).toPath());
  }

  private File outputFile(String... args) {
    return new File(dir.toFile(), "bridge-" + String.join("-", args).replace("-", "") + ".out");
  }

  private Process bridge(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"),
        "com.tmallbridge.cli.BridgeMain", "--data", dir.toString(), "--db-url", url, "--db-user", user));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(outputFile(args)).start();
  }
}
