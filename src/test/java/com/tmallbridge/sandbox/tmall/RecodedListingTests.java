package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A merchant re-codes a listing's SKUs on Tmall, and buyers order that listing: the demo's exception to fix. */
class RecodedListingTests {

  @Test
  void tradesCreatedAfterARecodeCarryTheNewMerchantCodesAndOnlyThatItem() {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(41).withClock(Clock.systemUTC()))) {
      SandboxItem item = sandbox.items().stream().filter(i -> i.skus().size() > 1 && i.quantity() > 10)
          .max(Comparator.comparingInt(SandboxItem::quantity)).orElseThrow();
      List<String> before = item.skus().stream().map(SandboxSku::outerId).toList();

      SandboxItem recoded = sandbox.recodeSkus(item.numIid(), code -> code + "-V2");

      assertThat(recoded.skus()).extracting(SandboxSku::outerId)
          .containsExactlyElementsOf(before.stream().map(c -> c == null ? null : c + "-V2").toList());
      assertThat(sandbox.items().stream().filter(i -> i.numIid() == item.numIid()).findFirst().orElseThrow().skus())
          .extracting(SandboxSku::outerId).isEqualTo(recoded.skus().stream().map(SandboxSku::outerId).toList());
      assertThat(recoded.quantity()).as("stock unchanged").isEqualTo(item.quantity());

      LiveRun run = sandbox.generateLivePaidOf(item.numIid(), 3, Duration.ZERO);
      await().atMost(Duration.ofSeconds(20)).until(run::isDone);

      List<SandboxTrade> trades = sandbox.trades();
      assertThat(trades).hasSize(3).allSatisfy(t -> {
        assertThat(t.everPaid()).isTrue();
        assertThat(t.lines()).hasSize(1);
        assertThat(t.lines().get(0).numIid()).isEqualTo(item.numIid());
        assertThat(t.lines().get(0).outerSkuId()).endsWith("-V2");
      });
    }
  }

  @Test
  void anItemWithoutSkusOrAnUnknownItemCannotBeRecoded() {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(41))) {
      assertThatThrownBy(() -> sandbox.recodeSkus(42L, c -> c + "-V2")).isInstanceOf(IllegalArgumentException.class);
      sandbox.items().stream().filter(i -> i.skus().isEmpty()).findFirst().ifPresent(plain ->
          assertThatThrownBy(() -> sandbox.recodeSkus(plain.numIid(), c -> c + "-V2")).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("no item with SKUs"));
    }
  }
}
