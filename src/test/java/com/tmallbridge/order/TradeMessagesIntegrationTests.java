package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.MessageStream;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.shop.ShopStatus;
import com.tmallbridge.sync.Inbox;
import com.tmallbridge.testsupport.CleanDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Pushed messages (TMC) into the order flow, against the Tmall sandbox's trades and the built-in
 * ERP, with a fake {@link MessageStream} that hands messages to the handler as the channel would
 * (return = confirm, throw = fail and deliver again). On H2 and PostgreSQL.
 */
@SpringBootTest
@CleanDatabase
class TradeMessagesIntegrationTests extends com.tmallbridge.testsupport.SpringDatabaseTestBase {
  private static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TOP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Autowired OrderSync sync;
  @Autowired OrderManagement orders;
  @Autowired ProductManagement products;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired TradeImporter importer;
  @Autowired OrderFeed realFeed;
  @Autowired Inbox inbox;
  @Autowired Clock clock;

  private TmallSandbox sandbox;
  private final ScriptedFeed feed = new ScriptedFeed();
  private final FakeStream stream = new FakeStream();
  private final List<Object> events = Collections.synchronizedList(new ArrayList<>());
  private TradeMessages messages;
  private Shop shop;

  @BeforeEach
  void setUp() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11));
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(60, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    shop = shops.add(new ShopRegistration("T1", c.sellerNick(), sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(3))));
    seedErp();
    messages = new TradeMessages(stream, feed, importer, shops, events::add, clock,
        new TradeMessageProperties(List.of("taobao_trade_TradeCreate"), java.time.Duration.ofMillis(50), 20), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  @AfterEach
  void tearDown() {
    messages.stop();
    sandbox.close();
  }

  @Test
  void startSubscribesEveryShopAndStartsOneStreamPerAppStopClosesIt() {
    stream.enabled = true;
    shops.add(new ShopRegistration("T2", "second-nick", sandbox.url(), sandbox.credentials().appKey(), sandbox.credentials().appSecret(),
        "other-session", "md5", null));

    assertThat(messages.start()).isEqualTo(1);
    assertThat(stream.subscribed).containsExactlyInAnyOrder(sandbox.credentials().sessionKey(), "other-session");
    assertThat(messages.start()).as("already running").isZero();
    assertThat(messages.connected()).isTrue();

    messages.stop();
    assertThat(stream.closed).isEqualTo(1);
    assertThat(messages.connected()).isFalse();
  }

  @Test
  void aStreamRefusedForTheAppsCredentialsMarksEveryShopOfTheAppForReauthorisation() {
    Shop second = shops.add(new ShopRegistration("T2", "second-nick", sandbox.url(), sandbox.credentials().appKey(),
        sandbox.credentials().appSecret(), "other-session", "md5", null));
    Shop otherApp = shops.add(new ShopRegistration("T3", "third-nick", sandbox.url(), "other-app",
        "other-secret", "third-session", "md5", null));
    assertThat(messages.start()).isEqualTo(2);

    stream.refusals.get(sandbox.credentials().appKey()).refused(new ChannelException(TradeMessageCode.STREAM_REFUSED,
        ChannelException.Kind.NEEDS_REAUTHORISATION, "TMC refused: status 401 invalid sign", null, null));

    assertThat(shops.find(shop.id()).orElseThrow().status()).isEqualTo(ShopStatus.NEEDS_REAUTH);
    assertThat(shops.find(second.id()).orElseThrow().status()).isEqualTo(ShopStatus.NEEDS_REAUTH);
    assertThat(shops.find(otherApp.id()).orElseThrow().status()).as("another app's shop").isEqualTo(ShopStatus.ACTIVE);
  }

  @Test
  void aMessageTheStreamFailsBackUnhandledCountsAsReceivedAndFailed() {
    assertThat(messages.start()).isEqualTo(1);

    stream.handler.failedBack(message("7", "taobao_trade_TradeBuyerPay", "123"));

    assertThat(messages.stats().received()).isEqualTo(1);
    assertThat(messages.stats().failed()).as("failed back as \"bridge busy\"").isEqualTo(1);
    assertThat(messages.stats().imported()).isZero();
  }

  @Test
  void disabledStreamStartsNothing() {
    stream.enabled = false;
    assertThat(messages.start()).isZero();
    assertThat(stream.subscribed).isEmpty();
    assertThat(stream.handler).isNull();
  }

  @Test
  void duplicateAndOlderAfterNewerMessagesChangeNothing() throws Exception {
    SandboxTrade paid = paidTrades().get(0);
    String tid = Long.toString(paid.tid());
    ChannelTrade current = realFeed.trade(shop.credentials(), tid).orElseThrow();
    ChannelTrade older = olderUnpaid(current);
    feed.script(tid, current, current, older);

    handle(message("1", "taobao_trade_TradeBuyerPay", tid));
    sync.drain();
    TradeView first = orders.trade(shop.id(), tid).orElseThrow();
    Inbox.Snapshot stored = inbox.get(OrderMessages.INBOX_SOURCE, shop.id(), tid).orElseThrow();
    assertThat(first.state()).isEqualTo(TradeState.EXPORTED);
    assertThat(erpOrders().get(tid)).hasSize(1);

    handle(message("1", "taobao_trade_TradeBuyerPay", tid));
    handle(message("0", "taobao_trade_TradeMemoModified", tid));
    sync.drain();

    assertThat(feed.calls(tid)).isEqualTo(3);
    assertThat(erpOrders().get(tid)).hasSize(1);
    assertThat(orders.trade(shop.id(), tid)).contains(first);
    assertThat(inbox.get(OrderMessages.INBOX_SOURCE, shop.id(), tid)).contains(stored);
    assertThat(messages.stats().failed()).isZero();
  }

  @Test
  void failingFetchFailsItsMessageOthersGoOnAndTheRedeliveryImportsIt() throws Exception {
    List<SandboxTrade> paid = paidTrades();
    String broken = Long.toString(paid.get(0).tid());
    String fine = Long.toString(paid.get(1).tid());
    feed.failing.add(broken);

    assertThatThrownBy(() -> handle(message("1", "taobao_trade_TradeBuyerPay", broken))).isInstanceOf(ChannelException.class);
    handle(message("2", "taobao_trade_TradeBuyerPay", fine));
    sync.drain();
    assertThat(erpOrders()).containsKey(fine).doesNotContainKey(broken);
    assertThat(messages.stats().failed()).isEqualTo(1);

    feed.failing.clear();
    handle(message("1", "taobao_trade_TradeBuyerPay", broken));
    sync.drain();
    assertThat(erpOrders().get(broken)).hasSize(1);
  }

  @Test
  void permanentRefusalUnknownSellerOtherTopicsAndMissingIdsAreConfirmed() throws Exception {
    String tid = Long.toString(paidTrades().get(0).tid());
    feed.refused.add(tid);
    handle(message("1", "taobao_trade_TradeBuyerPay", tid));
    handle(new ChannelMessage("2", "taobao_trade_TradeBuyerPay", null, null, null, "{}", null, sandbox.credentials().sellerNick(), "1"));
    handle(new ChannelMessage("3", "taobao_item_ItemUpdate", null, null, null, "{}", null, sandbox.credentials().sellerNick(), "1"));
    shops.add(new ShopRegistration("T2", "second-nick", sandbox.url(), sandbox.credentials().appKey(), sandbox.credentials().appSecret(),
        "other-session", "md5", null));
    feed.absent.add("999");
    handle(new ChannelMessage("4", "taobao_trade_TradeBuyerPay", "999", "999", null, "{}", null, "nobody", "7"));
    handle(message("5", "taobao_trade_TradeCreate", "777"));

    assertThat(feed.calls("777")).as("skipped topic").isZero();
    assertThat(messages.stats().ignored()).isEqualTo(5);
    assertThat(messages.stats().failed()).isZero();
    assertThat(orders.trade(shop.id(), tid)).isEmpty();
  }

  @Test
  void aSellerNickNoShopIsNamedAfterIsMatchedByWhoseTradeItIsAndRemembered() throws Exception {
    shops.add(new ShopRegistration("T0", "another-seller", "http://127.0.0.1:1/router/rest", sandbox.credentials().appKey(),
        sandbox.credentials().appSecret(), "other-session", "md5", null));
    shops.add(new ShopRegistration("T2", "second-nick", sandbox.url(), sandbox.credentials().appKey(), sandbox.credentials().appSecret(),
        "other-session", "md5", null));
    List<SandboxTrade> paid = paidTrades();
    String first = Long.toString(paid.get(0).tid());
    String second = Long.toString(paid.get(1).tid());

    handle(new ChannelMessage("1", "taobao_trade_TradeBuyerPay", first, first, null, "{}", null, "renamed-seller", "1"));
    handle(new ChannelMessage("2", "taobao_trade_TradeBuyerPay", second, second, null, "{}", null, "renamed-seller", "1"));
    sync.drain();

    assertThat(orders.trade(shop.id(), first)).isPresent();
    assertThat(orders.trade(shop.id(), second)).isPresent();
    assertThat(feed.calls(second)).as("the nick was remembered: one fetch to import").isEqualTo(1);
    assertThat(messages.stats().imported()).isEqualTo(2);
  }

  @Test
  void refundMessagesBecomeRefundChangeNoticedEvents() throws Exception {
    handle(new ChannelMessage("9", "taobao_refund_RefundCreated", "123", "124", "555", "{}", null, sandbox.credentials().sellerNick(), "1"));
    handle(new ChannelMessage("10", "taobao_refund_RefundSuccess", "123", "124", null, "{}", null, sandbox.credentials().sellerNick(), "1"));

    assertThat(events).containsExactly(new RefundChangeNoticed(shop.id(), "555", "123"));
    assertThat(messages.stats().refunds()).isEqualTo(1);
  }

  @Test
  void pollingAndMessagesTogetherCreateExactlyOneErpOrderPerTrade() throws Exception {
    List<SandboxTrade> paid = paidTrades();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger redelivered = new AtomicInteger();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (SandboxTrade t : paid) {
          String tid = Long.toString(t.tid());
          work.add(pool.submit(() -> {
            ChannelMessage m = message(tid + "-pay", "taobao_trade_TradeBuyerPay", tid);
            for (int attempt = 0; ; attempt++) {
              try {
                handle(m);
                return null;
              } catch (Exception e) {
                redelivered.incrementAndGet();
                if (attempt > 5) {
                  throw e;
                }
              }
            }
          }));
        }
      }
      OrderSync.CycleResult polled = sync.runOnce();
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(polled.polls()).allSatisfy(p -> assertThat(p.error()).isNull());
    } finally {
      pool.shutdownNow();
    }
    sync.drain();

    Map<String, List<ErpSalesOrderSummary>> inErp = erpOrders();
    for (SandboxTrade t : paid) {
      List<ErpSalesOrderSummary> orders = inErp.getOrDefault(Long.toString(t.tid()), List.of());
      if (t.status().startsWith("TRADE_CLOSED")) {
        // closed (refunded) after payment: cancelled if it reached the ERP first, else never created
        assertThat(orders).as("closed trade %s", t.tid()).hasSizeLessThanOrEqualTo(1);
      } else {
        assertThat(orders).as("trade %s", t.tid()).hasSize(1);
      }
    }
    assertThat(inErp.values()).allSatisfy(l -> assertThat(l).hasSize(1));
    System.out.println("redeliveries after transient failures: " + redelivered.get());
  }

  // ---------------------------------------------------------------------------------------------

  private void handle(ChannelMessage m) throws Exception {
    messages.handle(appKey(), m);
  }

  private String appKey() {
    return shop.credentials().gatewayUrl() + " " + shop.credentials().appKey();
  }

  private ChannelMessage message(String id, String topic, String tid) {
    return new ChannelMessage(id, topic, tid, tid, null, "{\"tid\":" + tid + "}", clock.instant(),
        sandbox.credentials().sellerNick(), "1");
  }

  private List<SandboxTrade> paidTrades() {
    List<SandboxTrade> paid = sandbox.trades().stream().filter(SandboxTrade::everPaid).toList();
    assertThat(paid).hasSizeGreaterThan(10);
    return paid;
  }

  /** The same trade as Tmall showed it an hour earlier, before payment. */
  private ChannelTrade olderUnpaid(ChannelTrade t) {
    String earlier = LocalDateTime.ofInstant(t.modified().minus(Duration.ofHours(1)), TMALL_ZONE).format(TOP_TIME);
    String raw = t.rawJson()
        .replaceFirst("\"modified\"\\s*:\\s*\"[^\"]*\"", Matcher.quoteReplacement("\"modified\":\"" + earlier + "\""))
        .replaceFirst("\"status\"\\s*:\\s*\"[^\"]*\"", "\"status\":\"WAIT_BUYER_PAY\"");
    ChannelTrade older = realFeed.fromSnapshot(raw);
    assertThat(older.modified()).isBefore(t.modified());
    assertThat(older.status()).isEqualTo("WAIT_BUYER_PAY");
    return older;
  }

  private Map<String, List<ErpSalesOrderSummary>> erpOrders() {
    List<ErpSalesOrderSummary> all = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(all::add);
    return all.stream().collect(Collectors.groupingBy(o -> o.orderNo().value()));
  }

  private void seedErp() {
    for (SandboxItem item : sandbox.items()) {
      if (item.skus().isEmpty()) {
        material(item.numIid(), null, item.outerId());
      }
      for (SandboxSku sku : item.skus()) {
        material(item.numIid(), sku.skuId(), sku.outerId() != null ? sku.outerId() : item.skus().size() == 1 ? item.outerId() : null);
      }
    }
  }

  private void material(long numIid, Long skuId, String code) {
    String material = code != null ? code : "MAT-" + numIid + "-" + skuId;
    if (code == null) {
      products.putMapping(shop.id(), Long.toString(numIid), skuId == null ? null : Long.toString(skuId), material);
    }
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(new MaterialCode(material), "m " + material, "pcs", 100));
  }

  /** Delegates to the real feed unless a trade is scripted, failing, refused or absent. */
  private final class ScriptedFeed implements OrderFeed {
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final Set<String> absent = ConcurrentHashMap.newKeySet();
    private final Map<String, List<ChannelTrade>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    void script(String tid, ChannelTrade... answers) {
      scripts.put(tid, new ArrayList<>(List.of(answers)));
    }

    int calls(String tid) {
      return calls.getOrDefault(tid, new AtomicInteger()).get();
    }

    @Override
    public void changedTrades(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink) {
      realFeed.changedTrades(shop, window, pageSink);
    }

    @Override
    public Optional<ChannelTrade> trade(ShopCredentials shop, String tid) {
      calls.computeIfAbsent(tid, k -> new AtomicInteger()).incrementAndGet();
      if (failing.contains(tid)) {
        throw new ChannelException(TradeMessageCode.FETCH_REFUSED, ChannelException.Kind.RETRYABLE, "gateway timeout", null, null);
      }
      if (refused.contains(tid)) {
        throw new ChannelException(TradeMessageCode.FETCH_REFUSED, ChannelException.Kind.PERMANENT, "isv.trade-not-exist", null, null);
      }
      if (absent.contains(tid)) {
        return Optional.empty();
      }
      List<ChannelTrade> script = scripts.get(tid);
      if (script != null) {
        synchronized (script) {
          return Optional.of(script.size() > 1 ? script.remove(0) : script.get(0));
        }
      }
      return realFeed.trade(shop, tid);
    }

    @Override
    public ChannelTrade fromSnapshot(String rawJson) {
      return realFeed.fromSnapshot(rawJson);
    }
  }

  /** Records subscriptions and the handler; the test delivers messages to the handler itself. */
  private static final class FakeStream implements MessageStream {
    volatile boolean enabled = true;
    final List<String> subscribed = Collections.synchronizedList(new ArrayList<>());
    volatile MessageHandler handler;
    final Map<String, RefusalListener> refusals = new ConcurrentHashMap<>();
    volatile int closed;

    @Override
    public boolean enabled() {
      return enabled;
    }

    @Override
    public void subscribe(ShopCredentials shop, List<String> topics) {
      subscribed.add(shop.sessionKey());
    }

    @Override
    public Connection start(ShopCredentials app, MessageHandler h, RefusalListener r) {
      handler = h;
      refusals.put(app.appKey(), r);
      return new Connection() {
        private volatile boolean open = true;

        @Override
        public boolean isConnected() {
          return open;
        }

        @Override
        public void close() {
          if (open) {
            open = false;
            closed++;
          }
        }
      };
    }
  }
}
