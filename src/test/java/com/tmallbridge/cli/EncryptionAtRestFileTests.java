package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.secret.FieldCipher;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets at rest, on the bytes of the H2 file: an install filled by {@code shop add} and {@code
 * sync --once} against the sandbox holds the shop's app secret and session key nowhere in clear in
 * {@code bridge.mv.db}, while the app key (stored in clear next to them) is found there, so the scan
 * does see the shop's row. After a full order flow (trades into the inbox, sales orders through the
 * outbox into the built-in ERP), neither the file nor the log (at DEBUG) holds a receiver's mobile
 * number or street address as Tmall sent them, nor the ERP password of the configuration.
 */
@Isolated("reads the log file the JVM's one logging system wrote; an application started alongside would redirect it")
class EncryptionAtRestFileTests {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void afterAnOrderFlowNeitherTheFileNorTheLogHoldsAReceiverOrTheErpPassword() throws Exception {
    String erpPassword = "tryton-Pa55-" + System.nanoTime();
    Path config = dir.resolve("bridge.properties");
    // a second connector, configured but not active: its password lives in the configuration only
    Files.writeString(config, """
        bridge.erp.tryton.url=http://127.0.0.1:9/
        bridge.erp.tryton.database=bridge
        bridge.erp.tryton.user=bridge
        bridge.erp.tryton.password=%s
        bridge.order.once-grace=0s
        logging.level.com.tmallbridge=DEBUG
        spring.datasource.url=%s
        """.formatted(erpPassword, uncompressedUrl()));
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(31))) {
      Instant now = sandbox.clock().instant();
      sandbox.generateHistory(30, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(5)));
      var c = sandbox.credentials();
      assertThat(run("--config", config.toString(), "shop", "add", "--code", "PII", "--gateway", sandbox.url(), "--app-key", c.appKey(),
          "--app-secret-file", TestSecrets.file(dir, c.appSecret()), "--session-file", TestSecrets.file(dir, c.sessionKey()),
          "--sign-method", "md5", "--since", now.minus(Duration.ofHours(3)).toString())).as(err.toString()).isZero();
      try (SpringRuntime runtime = new SpringRuntime(dir, uncompressedUrl(), "sa", "")) {
        materials(runtime, sandbox);
      }
      assertThat(run("--config", config.toString(), "sync", "--once")).as(err.toString()).isZero();
    }

    // what Tmall sent, read back through the application (which opens the sealed snapshots)
    List<String> mobiles = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    long exported;
    try (SpringRuntime runtime = new SpringRuntime(dir, uncompressedUrl(), "sa", "")) {
      FieldCipher cipher = runtime.bean(FieldCipher.class);
      JdbcClient jdbc = runtime.bean(JdbcClient.class);
      JsonMapper json = JsonMapper.builder().build();
      for (String sealed : jdbc.sql("select payload from sync_inbox").query(String.class).list()) {
        assertThat(sealed).startsWith(FieldCipher.PREFIX);
        JsonNode trade = json.readTree(cipher.open(sealed, "sync_inbox.payload"));
        JsonNode t = trade.has("trade") ? trade.get("trade") : trade;
        mobiles.add(t.path("receiver_mobile").asText());
        addresses.add(t.path("receiver_address").asText());
      }
      exported = jdbc.sql("select count(*) from erp_sales_order").query(Long.class).single();
    }
    assertThat(mobiles).hasSizeGreaterThanOrEqualTo(20).allSatisfy(m -> assertThat(m).hasSizeGreaterThanOrEqualTo(11));
    assertThat(addresses).allSatisfy(a -> assertThat(a).hasSizeGreaterThanOrEqualTo(6));
    assertThat(exported).as("sales orders reached the built-in ERP").isPositive();

    byte[] file = Files.readAllBytes(dir.resolve("bridge.mv.db"));
    String log = Files.readString(dir.resolve("bridge.log"), StandardCharsets.UTF_8);
    assertThat(log).as("the log was written at DEBUG").isNotBlank();
    for (String mobile : mobiles) {
      assertThat(contains(file, mobile)).as("receiver mobile %s in clear in bridge.mv.db", mobile).isFalse();
      assertThat(log).as("receiver mobile in the log").doesNotContain(mobile);
    }
    for (String address : addresses) {
      assertThat(contains(file, address)).as("receiver address %s in clear in bridge.mv.db", address).isFalse();
      assertThat(log).as("receiver address in the log").doesNotContain(address);
    }
    assertThat(contains(file, erpPassword)).as("ERP password in bridge.mv.db").isFalse();
    assertThat(log).doesNotContain(erpPassword);
    assertThat(out.toString() + err.toString()).doesNotContain(mobiles.get(0)).doesNotContain(erpPassword);
  }

  @Test
  void theDatabaseFileHoldsNoShopSecretInClear() throws Exception {
    String appKey;
    String appSecret;
    String session;
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(29))) {
      Instant now = sandbox.clock().instant();
      sandbox.generateHistory(20, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(5)));
      var c = sandbox.credentials();
      appKey = c.appKey();
      appSecret = c.appSecret();
      session = c.sessionKey();
      String settings = TestSettings.file(dir, "bridge.order.once-grace=0s", "spring.datasource.url=" + uncompressedUrl());
      assertThat(run("--config", settings, "shop", "add", "--code", "ENC", "--gateway", sandbox.url(), "--app-key", appKey,
          "--app-secret-file", TestSecrets.file(dir, appSecret), "--session-file", TestSecrets.file(dir, session),
          "--sign-method", "md5", "--since", now.minus(Duration.ofHours(3)).toString())).as(err.toString()).isZero();
      assertThat(run("--config", settings, "sync", "--once")).as(err.toString()).isZero();
    }
    assertThat(appSecret).hasSizeGreaterThanOrEqualTo(8);
    assertThat(session).hasSizeGreaterThanOrEqualTo(8);

    byte[] file = Files.readAllBytes(dir.resolve("bridge.mv.db"));

    assertThat(contains(file, appKey)).as("the scan sees the shop row's clear columns").isTrue();
    assertThat(contains(file, appSecret)).as("app secret in clear in bridge.mv.db").isFalse();
    assertThat(contains(file, session)).as("session key in clear in bridge.mv.db").isFalse();
    assertThat(Files.getPosixFilePermissions(dir.resolve("keys/data-keys")))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  /** Every sandbox SKU as a material of the built-in ERP (mapped when it has no merchant code), so the trades export. */
  private static void materials(SpringRuntime runtime, TmallSandbox sandbox) {
    Shop shop = runtime.bean(ShopManagement.class).findByCode("PII").orElseThrow();
    MaterialCatalog catalog = runtime.bean(ErpRegistry.class).capability(MaterialCatalog.class);
    ProductManagement products = runtime.bean(ProductManagement.class);
    for (SandboxItem item : sandbox.items()) {
      if (item.skus().isEmpty()) {
        material(catalog, products, shop, item.numIid(), null, item.outerId());
      }
      for (SandboxSku sku : item.skus()) {
        material(catalog, products, shop, item.numIid(), sku.skuId(),
            sku.outerId() != null ? sku.outerId() : item.skus().size() == 1 ? item.outerId() : null);
      }
    }
  }

  private static void material(MaterialCatalog catalog, ProductManagement products, Shop shop, long numIid, Long skuId, String code) {
    String material = code != null ? code : "MAT-" + numIid + "-" + skuId;
    if (code == null) {
      products.putMapping(shop.id(), Long.toString(numIid), skuId == null ? null : Long.toString(skuId), material);
    }
    catalog.upsertMaterial(new Material(new MaterialCode(material), material, "pcs", 100));
  }

  /**
   * The shipped H2 URL of this data directory without {@code COMPRESS=TRUE}: in a compressed page a
   * clear text can be cut up by back-references, so the byte scans here would miss it; in plain
   * pages every text stored in clear shows. What the bridge stores in clear does not depend on how
   * H2 stores its pages.
   */
  private String uncompressedUrl() throws IOException {
    String shipped = SoakCommand.defaultH2Options();
    assertThat(shipped).contains(";COMPRESS=TRUE");
    return SoakCommand.fileUrl(dir, shipped.replace(";COMPRESS=TRUE", ""));
  }

  private static boolean contains(byte[] haystack, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
