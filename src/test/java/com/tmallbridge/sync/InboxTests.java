package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class InboxTests {
  private static final ShopId SHOP = new ShopId(1);
  private static final Instant T1 = Instant.parse("2025-11-10T16:00:01Z");
  private static final Instant T2 = T1.plusSeconds(1);

  private final SyncFixture db = SyncFixture.create();
  private final Inbox inbox = db.inbox();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void close() {
    threads.shutdownNow();
    db.close();
  }

  @Test
  void storesTheFirstSnapshot() {
    assertThat(inbox.offer("tmall", SHOP, "100", T1, "{\"v\":1}")).isTrue();

    assertThat(inbox.get("tmall", SHOP, "100"))
        .contains(new Inbox.Snapshot(T1, "{\"v\":1}", db.clock.instant()));
  }

  @Test
  void replacesASnapshotOnlyWithANewerOne() {
    inbox.offer("tmall", SHOP, "100", T2, "{\"v\":2}");

    assertThat(inbox.offer("tmall", SHOP, "100", T2, "{\"v\":2}")).as("identical replay").isFalse();
    assertThat(inbox.offer("tmall", SHOP, "100", T1, "{\"v\":1}")).as("older").isFalse();
    assertThat(inbox.get("tmall", SHOP, "100").orElseThrow().payload()).isEqualTo("{\"v\":2}");

    db.clock.advance(Duration.ofMinutes(1));
    assertThat(inbox.offer("tmall", SHOP, "100", T2.plusMillis(1), "{\"v\":3}")).isTrue();
    assertThat(inbox.get("tmall", SHOP, "100"))
        .contains(new Inbox.Snapshot(T2.plusMillis(1), "{\"v\":3}", db.clock.instant()));
  }

  @Test
  void appliesADifferentSnapshotWithTheSameModifiedSecond() {
    // TOP's modified has second precision: a trade created and paid within one second keeps it
    inbox.offer("tmall", SHOP, "100", T2, "{\"status\":\"WAIT_BUYER_PAY\"}");

    assertThat(inbox.offer("tmall", SHOP, "100", T2, "{\"status\":\"WAIT_SELLER_SEND_GOODS\"}")).isTrue();
    assertThat(inbox.offer("tmall", SHOP, "100", T2, "{\"status\":\"WAIT_SELLER_SEND_GOODS\"}")).isFalse();
    assertThat(inbox.get("tmall", SHOP, "100").orElseThrow().payload()).contains("WAIT_SELLER_SEND_GOODS");
  }

  @Test
  void comparesLongSnapshotsOfTheSameSecondByTheirWholeText() {
    // a long snapshot that differs from the stored one only in its last character
    String payload = "{\"receiver_address\":\"" + "浙江省杭州市余杭区文一西路".repeat(800) + "\",\"v\":1}";
    String other = payload.substring(0, payload.length() - 2) + "2}";
    inbox.offer("tmall", SHOP, "100", T2, payload);

    assertThat(inbox.offer("tmall", SHOP, "100", T2, payload)).as("identical replay").isFalse();
    assertThat(inbox.offerAll("tmall", SHOP, List.of(new Inbox.Offered("100", T2, payload)))).containsExactly(false);
    assertThat(inbox.offerAll("tmall", SHOP, List.of(new Inbox.Offered("100", T2, other), new Inbox.Offered("100", T2, other))))
        .containsExactly(true, false);
    assertThat(inbox.get("tmall", SHOP, "100").orElseThrow().payload()).isEqualTo(other);
  }

  @Test
  void keepsRecordsApartBySourceShopAndExternalId() {
    assertThat(inbox.offer("tmall", SHOP, "100", T1, "a")).isTrue();
    assertThat(inbox.offer("tmall", new ShopId(2), "100", T1, "b")).isTrue();
    assertThat(inbox.offer("tmc", SHOP, "100", T1, "c")).isTrue();
    assertThat(inbox.offer("tmall", SHOP, "101", T1, "d")).isTrue();

    assertThat(inbox.get("tmall", new ShopId(2), "100").orElseThrow().payload()).isEqualTo("b");
    assertThat(inbox.get("tmall", SHOP, "102")).isEmpty();
  }

  @Test
  void rollsBackWithTheCallersTransaction() {
    db.tx.executeWithoutResult(status -> {
      inbox.offer("tmall", SHOP, "100", T1, "a");
      status.setRollbackOnly();
    });

    assertThat(inbox.get("tmall", SHOP, "100")).isEmpty();
  }

  @Test
  void aNewerOfferWaitingForAnUncommittedInsertStillWins() throws Exception {
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    Future<Boolean> first = threads.submit(() -> db.tx.execute(s -> {
      boolean stored = inbox.offer("tmall", SHOP, "100", T1, "older");
      inserted.countDown();
      await(commit);
      return stored;
    }));
    assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
    Future<Boolean> second = threads.submit(() -> db.tx.execute(s -> inbox.offer("tmall", SHOP, "100", T2, "newer")));
    commit.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(inbox.get("tmall", SHOP, "100").orElseThrow().payload()).isEqualTo("newer");
  }

  @Test
  void concurrentOffersOfTheSameSnapshotStoreItExactlyOnce() throws Exception {
    List<Boolean> results = race(40, key -> T1, key -> T1);

    assertThat(results.stream().filter(stored -> stored).count()).isEqualTo(40);
  }

  @Test
  void concurrentOffersKeepTheNewestSnapshot() throws Exception {
    List<Boolean> results = race(40, key -> T1, key -> T2);

    for (int key = 0; key < 40; key++) {
      assertThat(results.get(2 * key + 1)).as("the newer offer of key %d", key).isTrue();
      assertThat(inbox.get("tmall", SHOP, "k" + key).orElseThrow().modified()).isEqualTo(T2);
    }
  }

  /** For each key, two threads offer at once, each in its own transaction; results in pairs. */
  private List<Boolean> race(int keys, java.util.function.IntFunction<Instant> first, java.util.function.IntFunction<Instant> second)
      throws Exception {
    List<Boolean> results = new ArrayList<>();
    for (int key = 0; key < keys; key++) {
      CyclicBarrier start = new CyclicBarrier(2);
      String id = "k" + key;
      Instant a = first.apply(key);
      Instant b = second.apply(key);
      Future<Boolean> one = threads.submit(() -> offerAfter(start, id, a));
      Future<Boolean> two = threads.submit(() -> offerAfter(start, id, b));
      results.add(one.get(10, TimeUnit.SECONDS));
      results.add(two.get(10, TimeUnit.SECONDS));
    }
    return results;
  }

  private boolean offerAfter(CyclicBarrier start, String id, Instant modified) throws Exception {
    start.await(10, TimeUnit.SECONDS);
    return Boolean.TRUE.equals(db.tx.execute(s -> inbox.offer("tmall", SHOP, id, modified, modified.toString())));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aBatchAnswersAsOffersOneByOneWould() {
    inbox.offer("tmall", SHOP, "100", T2, "{\"v\":2}");
    inbox.offer("tmall", SHOP, "200", T1, "{\"v\":1}");

    boolean[] stored = db.tx.execute(s -> inbox.offerAll("tmall", SHOP, List.of(
        new Inbox.Offered("100", T2, "{\"v\":2}"), // identical replay
        new Inbox.Offered("200", T2, "{\"v\":2}"), // newer
        new Inbox.Offered("300", T1, "{\"v\":1}"), // new
        new Inbox.Offered("300", T2, "{\"v\":2}"), // newer than the one just before it
        new Inbox.Offered("400", T2, "{\"v\":2}"), // new
        new Inbox.Offered("400", T1, "{\"v\":1}"), // older than the one just before it
        new Inbox.Offered("100", T2, "{\"v\":9}")))); // same second, other content

    assertThat(stored).containsExactly(false, true, true, true, true, false, true);
    assertThat(inbox.get("tmall", SHOP, "200").orElseThrow().payload()).isEqualTo("{\"v\":2}");
    assertThat(inbox.get("tmall", SHOP, "300").orElseThrow().payload()).isEqualTo("{\"v\":2}");
    assertThat(inbox.get("tmall", SHOP, "400").orElseThrow().modified()).isEqualTo(T2);
    assertThat(inbox.get("tmall", SHOP, "100").orElseThrow().payload()).isEqualTo("{\"v\":9}");
    assertThat(inbox.offerAll("tmall", SHOP, List.of())).isEmpty();
  }

  @Test
  void aBatchRollsBackWithItsTransaction() {
    db.tx.executeWithoutResult(s -> {
      inbox.offerAll("tmall", SHOP, List.of(new Inbox.Offered("100", T1, "{\"v\":1}")));
      s.setRollbackOnly();
    });

    assertThat(inbox.get("tmall", SHOP, "100")).isEmpty();
    boolean[] again = db.tx.execute(s -> inbox.offerAll("tmall", SHOP, List.of(new Inbox.Offered("100", T1, "{\"v\":1}"))));
    assertThat(again).containsExactly(true);
  }
}
