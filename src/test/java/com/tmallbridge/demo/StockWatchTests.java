package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.StockKey;
import com.tmallbridge.sandbox.tmall.StockMode;
import com.tmallbridge.sync.OutboxAdmin;
import com.tmallbridge.sync.OutboxEntry;
import com.tmallbridge.sync.OutboxStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The run's stock samples count a Tmall figure above what the ERP allowed at the cycles since the last sample, and only that. */
class StockWatchTests {
  private static final Instant T = Instant.parse("2026-11-11T00:00:00Z");
  private static final MaterialCode M = new MaterialCode("SP2001");
  private static final StockKey LISTING = StockKey.of(2L, null);
  private static final List<SandboxItem> ITEMS = List.of(
      new SandboxItem(2L, "Mug", "SP2001", 1, 100, 0, "onsale", T, T, 0, "", List.of(), StockMode.ON_PAYMENT, 0));

  private final List<OutboxEntry> queued = new ArrayList<>();
  private final StockWatch watch = new StockWatch(null, new QueuedOnly(queued));

  @Test
  void aFigureTheErpAllowedAtTheLastCycleIsALagNotAProblem() {
    watch.allowedAtCycle(Map.of(M, 10L)); // the bridge computed 10, then a replacement order took 2
    watch.compare(ITEMS, Map.of(LISTING, 10), Map.of(M, 8L));

    assertThat(watch.overPublished()).isZero();
    assertThat(watch.taken()).isEqualTo(1);
  }

  @Test
  void aFigureAboveEverythingTheErpAllowedIsCountedAndTheWindowStartsAgain() {
    watch.allowedAtCycle(Map.of(M, 9L)); // a stocktake found one unit missing before the cycle
    watch.compare(ITEMS, Map.of(LISTING, 10), Map.of(M, 9L));
    watch.compare(ITEMS, Map.of(LISTING, 9), Map.of(M, 9L));
    watch.allowedAtCycle(Map.of(M, 12L));
    watch.compare(ITEMS, Map.of(LISTING, 12), Map.of(M, 12L));

    assertThat(watch.overPublished()).isEqualTo(1);
    assertThat(watch.problems()).singleElement().asString().contains("SP2001").contains("10").contains("9");
  }

  @Test
  void noSampleWhileAStockPushIsUnderWayNorWithoutACycle() {
    queued.add(new OutboxEntry(UUID.randomUUID(), "stock-item", "1", "push", OutboxStatus.FAILED, 1, T, null, null, T, null));
    watch.sample(null, Map.of());
    assertThat(watch.taken()).as("no cycle yet").isZero();

    watch.allowedAtCycle(Map.of(M, 10L));
    watch.sample(null, Map.of());
    watch.allowedAtCycle(Map.of(M, 10L));

    assertThat(watch.taken()).isZero();
    assertThat(watch.skipped()).isEqualTo(1);
  }

  /** An outbox that lists the given entries under their status. */
  private record QueuedOnly(List<OutboxEntry> entries) implements OutboxAdmin {
    @Override
    public List<OutboxEntry> list(OutboxStatus status, int limit) {
      return entries.stream().filter(e -> e.status() == status).toList();
    }

    @Override
    public Optional<OutboxEntry> find(UUID id) {
      return Optional.empty();
    }

    @Override
    public Map<OutboxStatus, Long> counts() {
      return Map.of();
    }

    @Override
    public boolean retry(UUID id) {
      return false;
    }

    @Override
    public int retryAllBlocked() {
      return 0;
    }

    @Override
    public List<OutboxEntry> forAggregate(String aggregateType, String aggregateId) {
      return List.of();
    }
  }
}
