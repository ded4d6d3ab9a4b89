package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.MessageStream;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.sync.Inbox;
import com.tmallbridge.testsupport.CleanDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * How {@link TradeMessages} gathers pushed trade messages into rounds ({@link PushedTradeBatches}):
 * messages that wait together are read by one {@link OrderFeed#pushedTrades} call, one trade read
 * answers every message of that trade, a message is confirmed only once its trade is committed in
 * the inbox, only a read that began after a message arrived answers it, a transient failure
 * fails only the messages not yet answered, and a round's reads are imported on another thread
 * while the next round reads. Against the sandbox's trades and the built-in ERP.
 */
@SpringBootTest
@CleanDatabase
class PushedTradeBatchesIntegrationTests extends com.tmallbridge.testsupport.SpringDatabaseTestBase {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired ShopManagement shops;
  @Autowired TradeImporter importer;
  @Autowired OrderFeed realFeed;
  @Autowired Inbox inbox;
  @Autowired Clock clock;

  private TmallSandbox sandbox;
  private final GatedFeed feed = new GatedFeed();
  private TradeMessages messages;
  private Shop shop;
  private List<String> paid;

  private final GatedImporter gatedImporter = new GatedImporter();

  @BeforeEach
  void setUp() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11));
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(40, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    shop = shops.add(new ShopRegistration("T1", c.sellerNick(), sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(3))));
    gatedImporter.real = importer;
    messages = new TradeMessages(new NoStream(), feed, gatedImporter, shops, e -> { }, clock,
        new TradeMessageProperties(List.of("taobao_trade_TradeCreate"), Duration.ZERO, 20), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    paid = sandbox.trades().stream().filter(SandboxTrade::everPaid).map(t -> Long.toString(t.tid())).toList();
    assertThat(paid).hasSizeGreaterThan(5);
  }

  @AfterEach
  void tearDown() {
    feed.release.countDown();
    gatedImporter.release.countDown();
    messages.stop();
    sandbox.close();
  }

  @Test
  void messagesThatWaitTogetherAreReadInOneCallAndOneReadAnswersEveryMessageOfATrade() throws Exception {
    feed.script = this::readEach;
    CompletableFuture<Void> first = submit("1", paid.get(0));
    await().atMost(WAIT).until(() -> feed.rounds.size() == 1);
    // the first round is held inside the feed: these wait for the next one
    CompletableFuture<Void> second = submit("2", paid.get(1));
    CompletableFuture<Void> third = submit("3", paid.get(2));
    CompletableFuture<Void> thirdAgain = submit("4", paid.get(2));
    feed.release.countDown();

    CompletableFuture.allOf(first, second, third, thirdAgain).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(feed.rounds).containsExactly(List.of(paid.get(0)), List.of(paid.get(1), paid.get(2), paid.get(2)));
    assertThat(feed.reads).containsExactly(paid.get(0), paid.get(1), paid.get(2));
    assertThat(messages.stats().imported()).isEqualTo(4);
  }

  @Test
  void aRoundWantsTheTradesOfItsMessagesAndOfMessagesWaitingForTheNextRoundOnly() throws Exception {
    List<Boolean> wanted = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch secondWaiting = new CountDownLatch(1);
    feed.script = (batch, sink) -> {
      if (feed.rounds.size() == 1) {
        awaitRelease(secondWaiting);
        wanted.add(sink.wants(paid.get(0)));
        wanted.add(sink.wants(paid.get(1)));
        wanted.add(sink.wants(paid.get(2)));
      }
      readEach(batch, sink);
    };
    CompletableFuture<Void> first = submit("1", paid.get(0));
    await().atMost(WAIT).until(() -> feed.rounds.size() == 1);
    CompletableFuture<Void> second = submit("2", paid.get(1));
    secondWaiting.countDown();
    feed.release.countDown();

    CompletableFuture.allOf(first, second).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(wanted).as("its own message's trade, the waiting message's, an unrelated one").containsExactly(true, true, false);
  }

  @Test
  void aMessageIsConfirmedOnlyOnceItsTradeIsCommittedInTheInbox() throws Exception {
    feed.script = this::readEach;
    String tid = paid.get(0);
    AtomicBoolean storedWhenConfirmed = new AtomicBoolean();
    CompletableFuture<Void> done = submit("1", tid);
    done.thenRun(() -> storedWhenConfirmed.set(inbox.get(OrderMessages.INBOX_SOURCE, shop.id(), tid).isPresent()));

    await().atMost(WAIT).until(() -> feed.rounds.size() == 1);
    assertThat(done).isNotDone();
    feed.release.countDown();

    done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(storedWhenConfirmed).isTrue();
  }

  @Test
  void onlyAReadThatBeganAfterAMessageArrivedAnswersIt() throws Exception {
    String early = paid.get(0);
    String late = paid.get(1);
    feed.release = new CountDownLatch(0);
    List<CompletableFuture<Void>> lateMessages = Collections.synchronizedList(new ArrayList<>());
    feed.script = (batch, sink) -> {
      if (feed.rounds.size() > 1) {
        readEach(batch, sink);
        return;
      }
      long before = System.nanoTime();
      lateMessages.add(submit("2", late));
      lateMessages.add(submit("3", paid.get(2)));
      // a read that began before the late message arrived does not answer it ...
      sink.read(List.of(trade(early), trade(late)), before);
      assertThat(lateMessages.get(0)).isNotDone();
      // ... a read that began after it does, within the same round
      sink.read(List.of(trade(paid.get(2))), System.nanoTime());
    };

    CompletableFuture<Void> first = submit("1", early);
    first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    CompletableFuture.allOf(lateMessages.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(feed.rounds).as("the late message needed a round of its own; the third was answered in the first")
        .containsExactly(List.of(early), List.of(late));
  }

  @Test
  void aTransientFailureFailsOnlyTheMessagesNotYetAnswered() throws Exception {
    feed.script = (batch, sink) -> {
      awaitRelease(feed.release);
      sink.read(List.of(trade(batch.get(0).tid())), System.nanoTime());
      throw new ChannelException(TradeMessageCode.FETCH_REFUSED, ChannelException.Kind.RETRYABLE, "gateway timeout", null, null);
    };
    CompletableFuture<Void> first = submit("1", paid.get(0));
    await().atMost(WAIT).until(() -> feed.rounds.size() == 1);
    CompletableFuture<Void> answered = submit("2", paid.get(1));
    CompletableFuture<Void> unanswered = submit("3", paid.get(2));
    feed.release.countDown();
    await().atMost(WAIT).until(() -> first.isDone() && answered.isDone() && unanswered.isDone());

    assertThat(feed.rounds).containsExactly(List.of(paid.get(0)), List.of(paid.get(1), paid.get(2)));
    assertThat(first).isCompleted();
    assertThat(answered).isCompleted();
    assertThat(unanswered).isCompletedExceptionally();
    assertThat(inbox.get(OrderMessages.INBOX_SOURCE, shop.id(), paid.get(2))).isEmpty();
    assertThat(messages.stats().failed()).isEqualTo(1);
  }

  @Test
  void theNextRoundReadsWhileTheLastRoundsTradesAreImported() throws Exception {
    feed.release = new CountDownLatch(0);
    feed.script = this::readEach;
    gatedImporter.release = new CountDownLatch(1);
    CompletableFuture<Void> first = submit("1", paid.get(0));
    await().atMost(WAIT).until(() -> gatedImporter.held.get() == 1);

    CompletableFuture<Void> second = submit("2", paid.get(1));
    await().atMost(WAIT).until(() -> feed.rounds.size() == 2);
    assertThat(first).as("answered, its import not committed: neither confirmed nor failed back").isNotDone();
    assertThat(second).isNotDone();
    gatedImporter.release.countDown();

    CompletableFuture.allOf(first, second).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(feed.rounds).containsExactly(List.of(paid.get(0)), List.of(paid.get(1)));
    assertThat(inbox.get(OrderMessages.INBOX_SOURCE, shop.id(), paid.get(1))).isPresent();
    assertThat(messages.stats().imported()).isEqualTo(2);
  }

  @Test
  void aFailedImportFailsOnlyItsOwnMessagesAndTheRoundsGoOn() throws Exception {
    feed.release = new CountDownLatch(0);
    feed.script = this::readEach;
    gatedImporter.release = new CountDownLatch(0);
    gatedImporter.failFor = paid.get(0);
    CompletableFuture<Void> failing = submit("1", paid.get(0));
    await().atMost(WAIT).until(failing::isDone);
    CompletableFuture<Void> next = submit("2", paid.get(1));

    next.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(failing).isCompletedExceptionally();
    assertThat(inbox.get(OrderMessages.INBOX_SOURCE, shop.id(), paid.get(0))).isEmpty();
    assertThat(inbox.get(OrderMessages.INBOX_SOURCE, shop.id(), paid.get(1))).isPresent();
    assertThat(messages.stats().failed()).isEqualTo(1);
  }

  @Test
  void aReadOfManyTradesIsImportedInSmallTransactionsEachConfirmingItsOwnMessages() throws Exception {
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(60, now.minus(Duration.ofMinutes(50)), now.minus(Duration.ofSeconds(30)));
    List<String> many = sandbox.trades().stream().filter(SandboxTrade::everPaid).map(t -> Long.toString(t.tid())).toList();
    int chunk = PushedTradeBatches.IMPORT_CHUNK;
    assertThat(many).hasSizeGreaterThan(chunk + 1);
    // one read answers a whole round, as one list page does
    feed.script = (batch, sink) -> {
      awaitRelease(feed.release);
      if (feed.rounds.size() == 2) {
        // the first round's trade is committed on its own, so the transactions below are the big read's alone
        await().atMost(WAIT).until(() -> messages.stats().imported() == 1);
      }
      long started = System.nanoTime();
      sink.read(batch.stream().map(ChannelMessage::tid).distinct().map(this::trade).toList(), started);
    };
    gatedImporter.holdCall = 3;
    gatedImporter.hold = new CountDownLatch(1);
    CompletableFuture<Void> first = submit("0", many.get(0));
    await().atMost(WAIT).until(() -> feed.rounds.size() == 1);
    List<CompletableFuture<Void>> round = new ArrayList<>();
    for (int i = 1; i < many.size(); i++) {
      round.add(submit(Integer.toString(i), many.get(i)));
    }
    feed.release.countDown();

    // the big read's second transaction is held: its first transaction's messages are confirmed already
    await().atMost(WAIT).until(() -> round.subList(0, chunk).stream().allMatch(CompletableFuture::isDone));
    first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(round.subList(0, chunk)).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(round.subList(chunk, round.size())).noneMatch(CompletableFuture::isDone);
    gatedImporter.hold.countDown();
    CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(feed.rounds).hasSize(2);
    List<Integer> expected = new ArrayList<>(List.of(1));
    for (int left = many.size() - 1; left > 0; left -= chunk) {
      expected.add(Math.min(chunk, left));
    }
    assertThat(gatedImporter.sizes).as("trades per transaction").isEqualTo(expected);
    assertThat(messages.stats().imported()).isEqualTo(many.size());
    for (String tid : many) {
      assertThat(inbox.get(OrderMessages.INBOX_SOURCE, shop.id(), tid)).as(tid).isPresent();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private CompletableFuture<Void> submit(String id, String tid) {
    ChannelMessage m = new ChannelMessage(id, "taobao_trade_TradeBuyerPay", tid, tid, null, "{\"tid\":" + tid + "}",
        clock.instant(), sandbox.credentials().sellerNick(), "1");
    return messages.handleAsync(shop.credentials().gatewayUrl() + " " + shop.credentials().appKey(), m);
  }

  private ChannelTrade trade(String tid) {
    return realFeed.trade(shop.credentials(), tid).orElseThrow();
  }

  private void readEach(List<ChannelMessage> batch, OrderFeed.PushedTradeSink sink) {
    awaitRelease(feed.release);
    for (String tid : batch.stream().map(ChannelMessage::tid).distinct().toList()) {
      long started = System.nanoTime();
      feed.reads.add(tid);
      sink.read(List.of(trade(tid)), started);
    }
  }

  private static void awaitRelease(CountDownLatch latch) {
    try {
      assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Records each round's tids, then runs the test's script (held back by {@code release}). */
  private final class GatedFeed implements OrderFeed {
    final List<List<String>> rounds = Collections.synchronizedList(new ArrayList<>());
    final List<String> reads = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch release = new CountDownLatch(1);
    volatile BiConsumer<List<ChannelMessage>, PushedTradeSink> script;

    @Override
    public int pushedTrades(ShopCredentials shop, List<ChannelMessage> batch, PushedTradeSink sink) {
      rounds.add(batch.stream().map(ChannelMessage::tid).toList());
      script.accept(batch, sink);
      return 1;
    }

    @Override
    public void changedTrades(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink) {
      realFeed.changedTrades(shop, window, pageSink);
    }

    @Override
    public Optional<ChannelTrade> trade(ShopCredentials shop, String tid) {
      return realFeed.trade(shop, tid);
    }

    @Override
    public ChannelTrade fromSnapshot(String rawJson) {
      return realFeed.fromSnapshot(rawJson);
    }
  }

  /**
   * Delegates to the real importer once {@code release} opens (and, for its call number {@code
   * holdCall}, once {@code hold} opens too); fails pages holding {@code failFor}; records each
   * call's trade count.
   */
  private static final class GatedImporter extends TradeImporter {
    volatile TradeImporter real;
    volatile CountDownLatch release = new CountDownLatch(0);
    volatile String failFor;
    volatile int holdCall;
    volatile CountDownLatch hold = new CountDownLatch(0);
    final AtomicInteger held = new AtomicInteger();
    final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());

    GatedImporter() {
      super(null, null, null, null, null);
    }

    @Override
    public ImportResult importPage(Shop shop, List<ChannelTrade> page) {
      sizes.add(page.size());
      if (held.incrementAndGet() == holdCall) {
        awaitRelease(hold);
      }
      awaitRelease(release);
      if (page.stream().anyMatch(t -> t.tid().equals(failFor))) {
        throw new IllegalStateException("database unavailable");
      }
      return real.importPage(shop, page);
    }
  }

  private static final class NoStream implements MessageStream {
    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public void subscribe(ShopCredentials shop, List<String> topics) {}

    @Override
    public Connection start(ShopCredentials app, MessageHandler handler, RefusalListener refusals) {
      throw new UnsupportedOperationException();
    }
  }
}
