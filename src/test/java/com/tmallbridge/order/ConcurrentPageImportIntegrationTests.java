package com.tmallbridge.order;

import static com.tmallbridge.order.TestTrades.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.sync.Checkpoints;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pages of one shop imported side by side (bridge.order.import-parallelism above 1), on H2 and
 * PostgreSQL: pages sharing trades converge on the newest snapshot without deadlocks, lost or
 * doubled messages, and the checkpoint waits for every page of the window.
 */
@SpringBootTest
@CleanDatabase
class ConcurrentPageImportIntegrationTests extends SpringDatabaseTestBase {
  private static final Instant V1 = TestTrades.CREATED.plusSeconds(120);
  private static final Instant V2 = TestTrades.CREATED.plusSeconds(180);
  /** Rounds of two overlapping pages, and trades a page: enough for the pages' offers to cross (both databases deadlocked without the tid order). */
  private static final int ROUNDS = 8;
  private static final int PAGE = 200;

  @Autowired TradeImporter importer;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired Checkpoints checkpoints;
  @Autowired OrderRepository trades;
  @Autowired JdbcClient jdbc;

  private Shop shop;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void seed() {
    shop = shops.add(new ShopRegistration("P1", "并发店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5",
        TestTrades.CREATED.minusSeconds(600)));
    MaterialCatalog catalog = erp.capability(MaterialCatalog.class);
    catalog.upsertMaterial(new Material(new MaterialCode("CUP"), "cup", "pcs", 1_000));
    catalog.upsertMaterial(new Material(new MaterialCode("LID"), "lid", "pcs", 500));
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** A paid trade of a cup and a lid (so every page reserves both materials), at snapshot {@code modified}. */
  private static ChannelTrade trade(String tid, Instant modified) {
    return TestTrades.trade(tid, "WAIT_SELLER_SEND_GOODS", TestTrades.CREATED.plusSeconds(60), 1_500, 0,
        List.of(line("1", "CUP", 1, 1_000, 1_000, null), line("2", "LID", 1, 500, 500, null)), modified);
  }

  @Test
  void twoPagesHoldingTheSameTradesInOppositeOrdersConvergeOnTheNewestSnapshots() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      List<String> tids = new ArrayList<>();
      for (int i = 0; i < PAGE; i++) {
        tids.add(Integer.toString(7_000_000 + round * 1_000 + i));
      }
      // page A: ascending, the even trades at their newest snapshot; page B: descending, the odd ones newest
      List<ChannelTrade> a = new ArrayList<>();
      List<ChannelTrade> b = new ArrayList<>();
      for (int i = 0; i < tids.size(); i++) {
        a.add(trade(tids.get(i), i % 2 == 0 ? V2 : V1));
        b.add(0, trade(tids.get(i), i % 2 == 0 ? V1 : V2));
      }
      CyclicBarrier start = new CyclicBarrier(2);
      Future<?> first = threads.submit(() -> importAfter(start, a));
      Future<?> second = threads.submit(() -> importAfter(start, b));
      first.get(60, TimeUnit.SECONDS);
      second.get(60, TimeUnit.SECONDS);

      for (String tid : tids) {
        assertThat(inboxModified(tid)).as("inbox of %s", tid).isEqualTo(V2);
        TradeView stored = trades.trade(shop.id(), tid);
        assertThat(stored.state()).as("state of %s", tid).isEqualTo(TradeState.QUEUED);
        assertThat(stored.modified()).as("snapshot of %s", tid).isEqualTo(V2);
        assertThat(messages(tid)).as("messages of %s", tid).isEqualTo(1);
        assertThat(openReservations(tid)).as("reservations of %s", tid).isEqualTo(2);
      }
    }
    assertThat(reservedTotals()).as("the running totals equal the open reservations")
        .isEqualTo(Map.of("CUP", (long) ROUNDS * PAGE, "LID", (long) ROUNDS * PAGE)).isEqualTo(openUnitsByMaterial());
  }

  private void importAfter(CyclicBarrier start, List<ChannelTrade> page) {
    try {
      start.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    importer.importPage(shop, page);
  }

  @Test
  void theCheckpointStaysWhenOnePageOfTheWindowFailsWhileOthersImportBesideIt() {
    List<List<ChannelTrade>> pages = pages(4, 8_000_000);
    CountDownLatch feedReturned = new CountDownLatch(1);
    AtomicBoolean advanced = new AtomicBoolean();
    AtomicInteger imported = new AtomicInteger();
    Thread pollerThread = Thread.currentThread();
    TradeImporter failingFirstPage = importer(page -> {
      if (page == pages.get(0)) {
        awaitQuietly(feedReturned);
        // fail only once the poller is waiting for the pages, or has (wrongly) advanced its checkpoint
        await().atMost(Duration.ofSeconds(30))
            .until(() -> advanced.get() || pollerThread.getState() == Thread.State.WAITING);
        throw new IllegalStateException("page 1 refused");
      }
      TradeImporter.ImportResult result = importer.importPage(shop, page);
      imported.incrementAndGet();
      return result;
    });
    OrderPoller poller = poller(feed(pages, feedReturned), failingFirstPage, recording(advanced), 3);

    assertThatThrownBy(() -> poller.poll(shop)).hasMessage("page 1 refused");

    assertThat(checkpoints.get(OrderPoller.SOURCE, OrderPoller.STREAM, shop.id())).as("the checkpoint").isEmpty();
    assertThat(advanced).isFalse();
    assertThat(imported).as("the other pages finished before the poll returned").hasValue(3);

    PollResult again = poller(feed(pages, new CountDownLatch(1)), importer, checkpoints, 3).poll(shop);
    assertThat(again.error()).isNull();
    assertThat(again.received()).isEqualTo(40);
    assertThat(again.applied()).as("only the failed page's trades were new").isEqualTo(10);
    assertThat(checkpoints.get(OrderPoller.SOURCE, OrderPoller.STREAM, shop.id())).isPresent();
    assertThat(messagesOfShop()).isEqualTo(40);
  }

  @Test
  void aPageThatLostALockWaitIsImportedAgain() {
    List<List<ChannelTrade>> pages = pages(3, 9_000_000);
    AtomicInteger attemptsOfPage2 = new AtomicInteger();
    TradeImporter losingOnce = importer(page -> {
      if (page == pages.get(1) && attemptsOfPage2.incrementAndGet() == 1) {
        throw new CannotAcquireLockException("deadlock detected (as the database would say)");
      }
      return importer.importPage(shop, page);
    });

    PollResult result = poller(feed(pages, new CountDownLatch(1)), losingOnce, checkpoints, 3).poll(shop);

    assertThat(result.error()).isNull();
    assertThat(result.applied()).isEqualTo(30);
    assertThat(attemptsOfPage2).hasValue(2);
    assertThat(messagesOfShop()).isEqualTo(30);
    assertThat(checkpoints.get(OrderPoller.SOURCE, OrderPoller.STREAM, shop.id())).isPresent();
  }

  private List<List<ChannelTrade>> pages(int count, int firstTid) {
    List<List<ChannelTrade>> pages = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      List<ChannelTrade> page = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        page.add(trade(Integer.toString(firstTid + p * 10 + i), V1));
      }
      pages.add(List.copyOf(page));
    }
    return pages;
  }

  /** A feed whose every window holds {@code pages}; counts {@code returned} down when it has delivered them all. */
  private static OrderFeed feed(List<List<ChannelTrade>> pages, CountDownLatch returned) {
    return new OrderFeed() {
      @Override
      public void changedTrades(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink) {
        pages.forEach(pageSink);
        returned.countDown();
      }

      @Override
      public Optional<ChannelTrade> trade(ShopCredentials shop, String tid) {
        throw new UnsupportedOperationException();
      }

      @Override
      public ChannelTrade fromSnapshot(String rawJson) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /** An importer whose pages go to {@code pageImport} (which may call the real one). */
  private static TradeImporter importer(Function<List<ChannelTrade>, TradeImporter.ImportResult> pageImport) {
    return new TradeImporter(null, null, null, null, Clock.systemUTC()) {
      @Override
      public ImportResult importPage(Shop shop, List<ChannelTrade> page) {
        return pageImport.apply(page);
      }
    };
  }

  /** The test's checkpoints, noting in {@code advanced} whether the poller advanced them. */
  private Checkpoints recording(AtomicBoolean advanced) {
    return new Checkpoints() {
      @Override
      public List<Mark> all() {
        return checkpoints.all();
      }

      @Override
      public Optional<Instant> get(String source, String stream, ShopId shop) {
        return checkpoints.get(source, stream, shop);
      }

      @Override
      public void advance(String source, String stream, ShopId shop, Instant mark) {
        advanced.set(true);
        checkpoints.advance(source, stream, shop, mark);
      }

      @Override
      public void reset(String source, String stream, ShopId shop, Instant mark) {
        checkpoints.reset(source, stream, shop, mark);
      }
    };
  }

  /** A poller of one 20-minute window (the shop's first pull) importing up to {@code parallelism} pages at once. */
  private OrderPoller poller(OrderFeed feed, TradeImporter pageImporter, Checkpoints marks, int parallelism) {
    OrderProperties props = new OrderProperties(Duration.ofMinutes(30), Duration.ofMinutes(3), Duration.ofSeconds(30),
        Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMinutes(1), parallelism);
    Clock clock = Clock.fixed(shop.firstPullFrom().plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
    return new OrderPoller(feed, pageImporter, marks, shops, props, clock, new SimpleMeterRegistry(), trades);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Instant inboxModified(String tid) {
    return jdbc.sql("select modified from sync_inbox where source = ? and shop_id = ? and external_id = ?")
        .params(OrderMessages.INBOX_SOURCE, shop.id().value(), tid)
        .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
  }

  private long messages(String tid) {
    return jdbc.sql("select count(*) from sync_outbox where aggregate_type = ? and aggregate_id = ?")
        .params(OrderMessages.AGGREGATE, OrderMessages.aggregateId(shop.id(), tid)).query(Long.class).single();
  }

  private long messagesOfShop() {
    return jdbc.sql("select count(*) from sync_outbox where aggregate_type = ?").params(OrderMessages.AGGREGATE).query(Long.class).single();
  }

  private long openReservations(String tid) {
    return jdbc.sql("select count(*) from stock_reservation where shop_id = ? and tid = ? and status = 'OPEN'")
        .params(shop.id().value(), tid).query(Long.class).single();
  }

  private Map<String, Long> reservedTotals() {
    Map<String, Long> totals = new java.util.TreeMap<>();
    jdbc.sql("select material, reserved from stock_reserved").query(rs -> {
      totals.put(rs.getString(1), rs.getLong(2));
    });
    return totals;
  }

  private Map<String, Long> openUnitsByMaterial() {
    Map<String, Long> units = new java.util.TreeMap<>();
    jdbc.sql("select material, sum(quantity - delivered) from stock_reservation where status = 'OPEN' group by material").query(rs -> {
      units.put(rs.getString(1), rs.getLong(2));
    });
    return units;
  }
}
