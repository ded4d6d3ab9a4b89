package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.BridgeApplication;
import com.tmallbridge.demo.TrytonSaleCheck;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.sandbox.erp.TrytonRpc;
import com.tmallbridge.sandbox.erp.TrytonServer;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.RunsAlongside;
import com.tmallbridge.testsupport.SandboxMaterials;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Runs the bridge process ({@code sync}) with a real Tryton as its ERP, kills it with SIGKILL three
 * times while it exports (each time once more sales appeared in Tryton), restarts it, finishes with
 * {@code sync --once}, and then checks Tryton itself (the sandbox's {@link TrytonRpc}, not the
 * bridge's tables): every paid open trade has exactly one confirmed sale with the trade's payment as
 * total, a trade closed after payment at most one, a trade never paid none. Skipped with {@code
 * -Dbridge.test.tryton=skip}.
 */
@RunsAlongside("waits for bridge child JVMs and the shared Tryton server; its in-process seeding has a context of its own")
class TrytonCrashRecoveryTests {
  private static final String SHOP = "TCR";
  private static final int KILLS = 3;

  @TempDir Path dir;

  private String url;
  private int starts;

  @Test
  void killingTheBridgeMidExportLeavesExactlyOneConfirmedTrytonSalePerPaidTrade() throws Exception {
    TrytonServer tryton = SharedTrytonServer.get();
    TrytonRpc reader = tryton.admin();
    url = "jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "OPTIMIZE_REUSE_RESULTS=FALSE;QUERY_CACHE_SIZE=128;AUTO_SERVER=TRUE";
    Path config = dir.resolve("tryton.properties");
    Files.writeString(config, tryton.bridgeProperties("WH01").entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(23).withItemCount(12))) {
      Instant now = sandbox.clock().instant();
      sandbox.generateHistory(80, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
      seed(tryton, sandbox, now);
      long paid = sandbox.trades().stream().filter(TrytonCrashRecoveryTests::paidOpen).count();

      List<Long> killedAt = new ArrayList<>();
      long target = 5;
      for (int kill = 1; kill <= KILLS; kill++) {
        Process sync = bridge(config, "sync", "--workers", "2");
        long wanted = target;
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
            .until(() -> !sync.isAlive() || confirmedSales(reader) >= wanted);
        assertThat(sync.isAlive()).as("the bridge died on its own: %s", output()).isTrue();
        long atKill = confirmedSales(reader);
        sync.destroyForcibly().waitFor();
        killedAt.add(atKill);
        System.out.println("kill " + kill + ": SIGKILL with " + atKill + " of " + paid + " paid trades in Tryton, "
            + unfinishedSales(reader) + " sale(s) in draft or quotation");
        assertThat(atKill).as("kill %d must land in the middle of the export", kill).isLessThan(paid);
        target = atKill + 12;
      }
      assertThat(killedAt).as("each kill after more sales appeared").isSorted().doesNotHaveDuplicates();

      Process once = bridge(config, "sync", "--once");
      assertThat(once.waitFor()).as("sync --once exit code; output: %s", output()).isZero();

      List<TrytonSaleCheck.Expected> expected = new ArrayList<>();
      List<String> closedAfterPayment = new ArrayList<>();
      for (SandboxTrade t : sandbox.trades()) {
        String reference = "tb:" + SHOP + ":" + t.tid();
        if (paidOpen(t)) {
          expected.add(new TrytonSaleCheck.Expected(reference, t.paymentFen(), true));
        } else if (t.everPaid()) {
          closedAfterPayment.add(reference);
        } else {
          expected.add(new TrytonSaleCheck.Expected(reference, t.paymentFen(), false));
        }
      }
      TrytonSaleCheck.Result result = TrytonSaleCheck.check(reader, expected);
      System.out.println("after " + KILLS + " kills at " + killedAt + ": " + result);
      assertThat(result.checked()).isEqualTo(expected.size());
      assertThat(result.problems()).as("problems in Tryton: %s", result).isZero();
      Map<String, Long> liveOfClosed = TrytonSaleCheck.read(reader, closedAfterPayment).stream()
          .filter(s -> !"draft".equals(s.state()) && !"cancelled".equals(s.state()))
          .collect(Collectors.groupingBy(TrytonSaleCheck.Sale::reference, Collectors.counting()));
      assertThat(liveOfClosed.values()).as("live sales of trades closed after payment").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1));

      // the check can fail: a second confirmed sale made by hand for one trade is counted
      duplicateByHand(reader, expected.get(0).reference());
      assertThat(TrytonSaleCheck.check(reader, expected).duplicates()).isEqualTo(1);
    }
  }

  private static boolean paidOpen(SandboxTrade t) {
    return t.everPaid() && !"TRADE_CLOSED".equals(t.status());
  }

  private static long confirmedSales(TrytonRpc tryton) {
    return tryton.model("sale.sale", "search_count", List.of(List.of("reference", "like", "tb:" + SHOP + ":%"),
        List.of("state", "in", List.of("confirmed", "processing", "done")))).asLong();
  }

  private static long unfinishedSales(TrytonRpc tryton) {
    return tryton.model("sale.sale", "search_count", List.of(List.of("reference", "like", "tb:" + SHOP + ":%"),
        List.of("state", "in", List.of("draft", "quotation")))).asLong();
  }

  /** A confirmed copy of the sale with this reference, as a person might key it in twice. */
  private static void duplicateByHand(TrytonRpc tryton, String reference) {
    JsonNode original = tryton.model("sale.sale", "search_read", List.of(List.of("reference", "=", reference)), 0, 1, null,
        List.of("party", "invoice_address", "shipment_address")).get(0);
    long sale = tryton.model("sale.sale", "create", List.of(Map.of("party", original.get("party").asLong(),
        "invoice_address", original.get("invoice_address").asLong(), "shipment_address", original.get("shipment_address").asLong(),
        "invoice_method", "manual", "reference", reference))).get(0).asLong();
    tryton.model("sale.sale", "quote", List.of(sale));
    tryton.model("sale.sale", "confirm", List.of(sale));
  }

  /** The shop and a Tryton product for every SKU, through the bridge's own connector in a context of this JVM. */
  private void seed(TrytonServer tryton, TmallSandbox sandbox, Instant now) {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--bridge.data=" + dir));
    tryton.bridgeProperties("WH01").forEach((k, v) -> args.add("--" + k + "=" + v));
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(BridgeApplication.class).run(args.toArray(String[]::new))) {
      var c = sandbox.credentials();
      Shop shop = ctx.getBean(ShopManagement.class).add(new ShopRegistration(SHOP, "tryton-crash", sandbox.url(), c.appKey(),
          c.appSecret(), c.sessionKey(), "hmac", now.minus(Duration.ofHours(3))));
      SandboxMaterials.seed(sandbox, shop, ctx.getBean(ProductManagement.class), ctx.getBean(ErpRegistry.class), -1);
    }
  }

  private String output() throws IOException {
    StringBuilder all = new StringBuilder();
    for (int i = 1; i <= starts; i++) {
      all.append("--- run ").append(i).append(" ---\n").append(Files.readString(outputFile(i).toPath()));
    }
    return all.toString();
  }

  private File outputFile(int start) {
    return new File(dir.toFile(), "bridge-" + start + ".out");
  }

  private Process bridge(Path config, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"),
        "com.tmallbridge.cli.BridgeMain", "--data", dir.toString(), "--db-url", url, "--db-user", "sa", "--config", config.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile(++starts)).start();
  }
}
