package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AfterSaleControlTests {
  private final JsonMapper json = JsonMapper.builder().build();
  private ControlClient control;
  private TmallSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(29));
    control = new ControlClient(sandbox);
    sandbox.burst(30);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }



  @Test
  void scriptsARefundThroughTheControlApi() {
    SandboxTrade trade = sandbox.trades().get(0);
    long oid = trade.lines().get(0).oid();
    JsonNode opened =
        control.ok("POST", "/control/aftersale/refunds?tid=" + trade.tid() + "&oid=" + oid + "&kind=refund_only&feeFen=100");
    long refundId = opened.path("refundId").asLong();
    assertThat(opened.path("status").asString()).isEqualTo("WAIT_SELLER_AGREE");
    assertThat(opened.path("refundFeeFen").asLong()).isEqualTo(100);

    assertThat(control.ok("POST", "/control/aftersale/refunds/" + refundId + "/agree").path("status").asString())
        .isEqualTo("SUCCESS");
    assertThat(control.send("POST", "/control/aftersale/refunds/" + refundId + "/close", "").statusCode())
        .isEqualTo(409);
    assertThat(control.send("POST", "/control/aftersale/refunds?tid=" + trade.tid() + "&oid=" + oid + "&kind=swap", "").statusCode())
        .isEqualTo(400);
    assertThat(control.send("GET", "/control/aftersale/nothing", "").statusCode()).isEqualTo(404);
    assertThat(control.send("POST", "/control/aftersale/parcels?tid=1", "").statusCode()).isEqualTo(405);
    assertThat(control.ok("GET", "/control/aftersale/refunds").size()).isEqualTo(1);
  }

  @Test
  void changesAddressAndMemoAndControlsTmc() {
    SandboxTrade trade = sandbox.trades().get(1);
    Instant before = trade.modified();
    control.ok("POST", "/control/aftersale/tmc/permit");
    control.ok("POST", "/control/aftersale/address?tid=" + trade.tid());
    control.ok("POST", "/control/aftersale/memo?tid=" + trade.tid() + "&memo=%E5%8A%A0%E6%80%A5&flag=1");
    assertThat(sandbox.trade(trade.tid()).orElseThrow().modified()).isAfterOrEqualTo(before);
    JsonNode tmc =
        json.readTree(control.send("POST", "/control/aftersale/tmc/settings", "{\"duplicateRate\":0.25,\"reorderWindow\":4}").body());
    assertThat(tmc.path("settings").path("duplicateRate").asDouble()).isEqualTo(0.25);
    assertThat(tmc.path("url").asString()).startsWith("ws://127.0.0.1:");
    assertThat(tmc.path("counters").path("published").asLong()).isEqualTo(2);
    assertThat(sandbox.tmcSettings().reorderWindow()).isEqualTo(4);
  }

  @Test
  void randomAfterSaleTrafficKeepsEveryInvariant() {
    sandbox.burst(200);
    sandbox.tmcPermit();
    control.ok("POST", "/control/aftersale/random?perSecond=400");
    await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.refunds().size() >= 60);
    control.ok("POST", "/control/aftersale/random?perSecond=0");
    assertThat(sandbox.refunds()).extracting(SandboxRefund::status)
        .contains("WAIT_SELLER_AGREE", "SUCCESS");
    for (SandboxRefund refund : sandbox.refunds()) {
      assertThat(refund.refundFeeFen()).isBetween(0L, refund.totalFeeFen());
    }
    for (SandboxTrade trade : sandbox.trades()) {
      long refunded =
          sandbox.refunds().stream()
              .filter(r -> r.tid() == trade.tid() && r.status().equals("SUCCESS"))
              .mapToLong(SandboxRefund::refundFeeFen)
              .sum();
      assertThat(refunded).isLessThanOrEqualTo(trade.lines().stream().mapToLong(SandboxTradeLine::divideOrderFeeFen).sum());
      if (trade.lines().stream().allMatch(l -> l.refundStatus().equals("SUCCESS"))
          && sandbox.refunds().stream().filter(r -> r.tid() == trade.tid()).allMatch(r -> r.refundFeeFen() == r.totalFeeFen())) {
        assertThat(trade.status()).isEqualTo("TRADE_CLOSED");
      }
    }
    assertThat(sandbox.tmcCounters().get("published")).isGreaterThan(sandbox.refunds().size());
  }
}
