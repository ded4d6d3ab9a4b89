package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /control/stock} and {@code /control/shops}. */
class StockControlTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  private ControlClient control;
  private TmallSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox =
        TmallSandbox.start(
            SandboxConfig.defaults().withClock(new MutableClock(NOW)).withCatalog(CatalogSpec.uniform(2, 2, 5, "C")));
    control = new ControlClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }



  @Test
  void readsAndSetsTheQuantities() {
    JsonNode stock = control.ok("GET", "/control/stock", "");
    assertThat(stock.path("shop").asString()).isEqualTo(sandbox.credentials().sellerNick());
    assertThat(stock.path("quantities")).hasSize(4);
    JsonNode first = stock.path("quantities").get(0);
    assertThat(first.path("quantity").asInt()).isEqualTo(5);
    assertThat(stock.path("stats").path("updateCalls").asLong()).isZero();

    String body =
        "{\"quantities\":[{\"numIid\":" + first.path("numIid").asLong() + ",\"skuId\":\"" + first.path("skuId").asString()
            + "\",\"quantity\":77}]}";
    JsonNode after = control.ok("POST", "/control/stock", body);
    assertThat(after.path("quantities").get(0).path("quantity").asInt()).isEqualTo(77);
    assertThat(sandbox.quantities()).containsEntry(new StockKey(first.path("numIid").asLong(), first.path("skuId").asString()), 77);

    control.ok("POST", "/control/stock", "{\"all\":3}");
    assertThat(sandbox.quantities().values()).containsOnly(3);

    assertThat(control.send("POST", "/control/stock", "{\"all\":-1}").statusCode()).isEqualTo(400);
    assertThat(control.send("POST", "/control/stock", "{\"quantities\":[{\"numIid\":1,\"skuId\":\"2\",\"quantity\":1}]}").statusCode())
        .isEqualTo(400);
    assertThat(control.send("POST", "/control/stock", "{}").statusCode()).isEqualTo(400);
    assertThat(control.send("GET", "/control/stock?shop=nobody", "").statusCode()).isEqualTo(400);
    assertThat(control.send("PUT", "/control/stock", "").statusCode()).isEqualTo(405);
    assertThat(sandbox.quantities().values()).containsOnly(3);
  }

  @Test
  void addsAndListsShopsAndTargetsThemByNick() {
    JsonNode added =
        control.ok(
            "POST",
            "/control/shops",
            "{\"sellerNick\":\"第二店\",\"catalog\":{\"kind\":\"uniform\",\"items\":3,\"skusPerItem\":2,"
                + "\"quantityPerSku\":8,\"outerIdPrefix\":\"C\",\"stockMode\":\"ON_CREATION\"}}");
    assertThat(added.path("sellerNick").asString()).isEqualTo("第二店");
    assertThat(added.path("appKey").asString()).isEqualTo(sandbox.credentials().appKey());
    assertThat(added.path("sessionKey").asString()).isNotEqualTo(sandbox.credentials().sessionKey());
    assertThat(added.path("positions").asInt()).isEqualTo(6);
    assertThat(sandbox.shop("第二店").orElseThrow().items()).allMatch(i -> i.stockMode() == StockMode.ON_CREATION);

    control.ok("POST", "/control/shops", "{\"sellerNick\":\"第三店\"}");
    JsonNode shops = control.ok("GET", "/control/shops", "");
    assertThat(shops.path("shops")).hasSize(3);
    assertThat(shops.path("shops").get(2).path("catalog").asString()).isEqualTo("generated");

    String nick = URLEncoder.encode("第二店", StandardCharsets.UTF_8);
    JsonNode state = control.ok("POST", "/control/burst?count=4&shop=" + nick, "");
    assertThat(state.path("trades").asInt()).isEqualTo(4);
    assertThat(sandbox.trades()).isEmpty();
    assertThat(control.ok("GET", "/control/stock?shop=" + nick, "").path("quantities")).hasSize(6);
    assertThat(control.ok("GET", "/control/credentials?shop=" + nick, "").path("sellerNick").asString()).isEqualTo("第二店");

    assertThat(control.send("POST", "/control/shops", "{\"sellerNick\":\"第二店\"}").statusCode()).isEqualTo(400);
    assertThat(control.send("POST", "/control/shops", "{\"sellerNick\":\"x\",\"catalog\":{\"kind\":\"odd\"}}").statusCode())
        .isEqualTo(400);
  }
}
