package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Instant;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class CheckpointsTests {
  private static final ShopId SHOP = new ShopId(1);
  private static final Instant NOON = Instant.parse("2025-11-11T04:00:00Z");

  private final SyncFixture db = SyncFixture.create();
  private final Checkpoints checkpoints = db.checkpoints();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void isEmptyBeforeTheFirstAdvance() {
    assertThat(checkpoints.get("tmall", "trades", SHOP)).isEmpty();
  }

  @Test
  void advancesToALaterMark() {
    checkpoints.advance("tmall", "trades", SHOP, NOON);
    checkpoints.advance("tmall", "trades", SHOP, NOON.plusSeconds(1800));

    assertThat(checkpoints.get("tmall", "trades", SHOP)).contains(NOON.plusSeconds(1800));
  }

  @Test
  void neverMovesBackOnAdvance() {
    checkpoints.advance("tmall", "trades", SHOP, NOON);
    checkpoints.advance("tmall", "trades", SHOP, NOON.minusSeconds(1));
    checkpoints.advance("tmall", "trades", SHOP, NOON);

    assertThat(checkpoints.get("tmall", "trades", SHOP)).contains(NOON);
  }

  @Test
  void movesBackOnReset() {
    checkpoints.advance("tmall", "trades", SHOP, NOON);
    checkpoints.reset("tmall", "trades", SHOP, NOON.minusSeconds(86_400));

    assertThat(checkpoints.get("tmall", "trades", SHOP)).contains(NOON.minusSeconds(86_400));
  }

  @Test
  void resetCreatesAMissingCheckpoint() {
    checkpoints.reset("tmall", "refunds", SHOP, NOON);

    assertThat(checkpoints.get("tmall", "refunds", SHOP)).contains(NOON);
  }

  @Test
  void keepsMarksApartBySourceStreamAndShop() {
    checkpoints.advance("tmall", "trades", SHOP, NOON);
    checkpoints.advance("tmall", "refunds", SHOP, NOON.plusSeconds(1));
    checkpoints.advance("tmall", "trades", new ShopId(2), NOON.plusSeconds(2));
    checkpoints.advance("erp", "trades", SHOP, NOON.plusSeconds(3));

    assertThat(checkpoints.get("tmall", "trades", SHOP)).contains(NOON);
    assertThat(checkpoints.get("tmall", "refunds", SHOP)).contains(NOON.plusSeconds(1));
    assertThat(checkpoints.get("tmall", "trades", new ShopId(2))).contains(NOON.plusSeconds(2));
    assertThat(checkpoints.get("erp", "trades", SHOP)).contains(NOON.plusSeconds(3));
  }

  @Test
  void advancesOnlyWhenTheCallersTransactionCommits() {
    checkpoints.advance("tmall", "trades", SHOP, NOON);
    db.tx.executeWithoutResult(status -> {
      checkpoints.advance("tmall", "trades", SHOP, NOON.plusSeconds(1800));
      status.setRollbackOnly();
    });

    assertThat(checkpoints.get("tmall", "trades", SHOP)).contains(NOON);
  }

  @Test
  void concurrentFirstAdvancesKeepTheLatestMark() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 30; round++) {
        String stream = "s" + round;
        CyclicBarrier start = new CyclicBarrier(2);
        Future<?> early = threads.submit(() -> advanceAfter(start, stream, NOON));
        Future<?> late = threads.submit(() -> advanceAfter(start, stream, NOON.plusSeconds(60)));
        early.get(10, TimeUnit.SECONDS);
        late.get(10, TimeUnit.SECONDS);

        assertThat(checkpoints.get("tmall", stream, SHOP)).as(stream).contains(NOON.plusSeconds(60));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private Void advanceAfter(CyclicBarrier start, String stream, Instant mark) throws Exception {
    start.await(10, TimeUnit.SECONDS);
    db.tx.executeWithoutResult(s -> checkpoints.advance("tmall", stream, SHOP, mark));
    return null;
  }
}
