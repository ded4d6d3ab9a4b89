package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * A running Tmall TOP gateway simulator over a generated shop: the test environment demos, tests
 * and benchmarks of the bridge run against. Speaks TOP's protocol over HTTP at {@link #url()} (JSON
 * only), generates traffic through plain Java calls or the {@code /control/} API, injects faults,
 * and exposes the ground truth for verification.
 *
 * <p>Thread-safe. Close it to stop the server and the background generator.
 */
public final class TmallSandbox implements AutoCloseable {
  private final SandboxConfig config;
  private final Shop shop;
  private final TradeStore store = new TradeStore();
  private final FaultInjector faults;
  private final CallCounters calls = new CallCounters();
  private final ScheduledExecutorService scheduler;
  private final ScenarioGenerator scenarios;
  private final SandboxServer server;
  private final RefundIndex refunds = new RefundIndex();
  private final AfterSaleDesk afterSale;
  private final TmcHub tmc;
  private final TopLinkServer tmcServer;

  private TmallSandbox(SandboxConfig config) {
    this.config = config;
    this.shop =
        new ShopGenerator(config.seed(), config.clock().instant()).generate(config.itemCount());
    this.faults = new FaultInjector(config.faults(), config.clock(), config.seed() ^ 0xFA17_5EEDL);
    this.scheduler =
        Executors.newScheduledThreadPool(2, SandboxServer.daemonThreads("tmall-sandbox-timer-"));
    this.scenarios = new ScenarioGenerator(new TradeGenerator(shop), store, config, scheduler);
    this.afterSale = new AfterSaleDesk(store, refunds, config.clock(), scheduler, config.seed());
    this.tmc = new TmcHub(config.clock(), System::nanoTime, config.seed(), TmcSettings.defaults());
    store.observe(refunds);
    store.observe(afterSale);
    store.observe(new TmcEvents(tmc, shop.credentials().sellerNick()));
    Map<String, ApiMethod> methods = methods();
    RequestVerifier verifier =
        new RequestVerifier(shop.credentials(), config.clock(), methods.keySet());
    GatewayEndpoint gateway =
        new GatewayEndpoint(methods, verifier, faults, calls, scheduler, config.idsAsStrings());
    try {
      this.server =
          SandboxServer.bind(
              config.port(), config.httpThreads(), gateway, new ControlEndpoint(this));
      server.addContext("/control/aftersale/", new AfterSaleControlEndpoint(this));
      this.tmcServer = new TopLinkServer(tmc, shop.credentials(), config.clock());
    } catch (RuntimeException e) {
      scheduler.shutdownNow();
      throw e;
    }
  }

  /**
   * Generates the shop from the seed and starts the server on 127.0.0.1.
   *
   * @throws java.io.UncheckedIOException when the port cannot be bound
   */
  public static TmallSandbox start(SandboxConfig config) {
    TmallSandbox sandbox = new TmallSandbox(config);
    sandbox.server.start();
    return sandbox;
  }

  /** The gateway URL, {@code http://127.0.0.1:<port>/router/rest}. */
  public String url() {
    return "http://127.0.0.1:" + port() + "/router/rest";
  }

  public int port() {
    return server.port();
  }

  public SandboxCredentials credentials() {
    return shop.credentials();
  }

  public Clock clock() {
    return config.clock();
  }

  /**
   * Generates {@code n} trades created in [from, min(to, now)) whose whole lifecycle up to now is
   * already applied, following the configured {@link TradeMix}.
   *
   * @throws IllegalArgumentException when n is negative or the range is empty
   */
  public void generateHistory(int n, Instant from, Instant to) {
    scenarios.history(n, from, to);
  }

  /**
   * Starts creating {@code n} trades over the next {@code span} of real time on a background
   * thread; they are paid or closed seconds later, within the span. Events carry the clock's now.
   */
  public LiveRun generateLive(int n, Duration span) {
    return scenarios.live(n, span);
  }

  /** A Double 11 burst: {@code n} trades created within the burst window and paid seconds later. */
  public void burst(int n) {
    scenarios.burst(n);
  }

  /** Ground truth of every trade, ordered by tid. */
  public List<SandboxTrade> trades() {
    return store.all().stream().map(TradeRecord::view).toList();
  }

  public Optional<SandboxTrade> trade(long tid) {
    return store.get(tid).map(TradeRecord::view);
  }

  /** Every item of the shop, on sale or not. */
  public List<SandboxItem> items() {
    return shop.items();
  }

  /** Gateway calls per API method so far. */
  public Map<String, Long> apiCalls() {
    return calls.snapshot();
  }

  public FaultSettings faults() {
    return faults.settings();
  }

  /** Replaces the fault settings at once; a ban in progress is lifted. */
  public void faults(FaultSettings settings) {
    faults.settings(settings);
  }

  /** Faults injected so far, by kind. */
  public Map<String, Long> faultsInjected() {
    return faults.injected();
  }

  // ---- shipments, after-sale and TMC (issue #4) ----

  /** The parcels a trade shipped in, in shipping order; empty for an unknown or unshipped trade. */
  public List<SandboxParcel> parcels(long tid) {
    return store.get(tid).map(t -> t.parcels().stream().map(p -> p.view(tid)).toList()).orElse(List.of());
  }

  /** Every after-sale case ever opened, in its latest state, newest modification first. */
  public List<SandboxRefund> refunds() {
    return refunds.all().stream().map(RefundRecord::view).toList();
  }

  public Optional<SandboxRefund> refund(long refundId) {
    return refunds.get(refundId).map(RefundRecord::view);
  }

  /**
   * The buyer opens an after-sale case on sub-order {@code oid} of trade {@code tid}: before it
   * shipped only {@link RefundKind#REFUND_ONLY} ({@code onsale}), afterwards any kind ({@code
   * aftersale}).
   *
   * @param feeFen refund asked for in fen, at most what was paid for the sub-order less earlier
   *     refunds; null for all of it (ignored for exchanges, which refund nothing)
   * @throws IllegalArgumentException for an unknown trade or sub-order or a fee out of range
   * @throws IllegalStateException when the trade or sub-order cannot take a case now
   */
  public SandboxRefund openRefund(
      long tid, long oid, RefundKind kind, @Nullable Long feeFen, String reason) {
    return afterSale.open(tid, oid, kind, feeFen, reason);
  }

  /** The seller agrees: a refund without return succeeds, a return waits for the goods. */
  public SandboxRefund agreeRefund(long refundId) {
    return afterSale.step(refundId, RefundAction.AGREE);
  }

  /** The seller refuses a case waiting for agreement. */
  public SandboxRefund refuseRefund(long refundId) {
    return afterSale.step(refundId, RefundAction.REFUSE);
  }

  /** The buyer sends the goods back with this carrier name and tracking number. */
  public SandboxRefund returnGoods(long refundId, String carrierName, String trackingNo) {
    return afterSale.step(refundId, RefundAction.returnGoods(carrierName, trackingNo));
  }

  /** The seller confirms the returned goods arrived: the case succeeds. */
  public SandboxRefund confirmReturn(long refundId) {
    return afterSale.step(refundId, RefundAction.CONFIRM_GOODS);
  }

  /** The buyer withdraws the case. */
  public SandboxRefund closeRefund(long refundId) {
    return afterSale.step(refundId, RefundAction.CLOSE);
  }

  /** The buyer moves the delivery address (to a random one); only before the trade fully shipped. */
  public void changeAddress(long tid) {
    afterSale.changeAddress(tid);
  }

  /** The seller writes a memo and sets a flag (0..5). */
  public void changeMemo(long tid, String memo, int flag) {
    afterSale.changeMemo(tid, memo, flag);
  }

  /**
   * Random after-sale traffic on paid trades at about {@code perSecond} actions a second (open,
   * agree, refuse, return, confirm, close, address and memo changes); 0 stops it.
   */
  public void randomAfterSale(double perSecond) {
    afterSale.random(perSecond);
  }

  /** The TMC WebSocket URL, {@code ws://127.0.0.1:<port>/tmc}. */
  public String tmcUrl() {
    return "ws://127.0.0.1:" + tmcServer.port() + "/tmc";
  }

  public TmcSettings tmcSettings() {
    return tmc.settings();
  }

  /** Replaces TMC's redelivery timeout and fault knobs at once. */
  public void tmcSettings(TmcSettings settings) {
    tmc.settings(settings);
  }

  /** Permits the shop's seller for TMC as {@code taobao.tmc.user.permit} does (all topics). */
  public void tmcPermit() {
    tmc.permit(shop.credentials().sellerNick(), java.util.Set.of());
  }

  /** Moves a permitted seller's messages to another group (TOP: groups set in the console). */
  public void tmcGroup(String nick, String group) {
    tmc.assignGroup(nick, group);
  }

  /**
   * TMC counters: published, duplicated, delivered, redelivered, dropped, confirmed, failed, and
   * the messages ready and in flight now.
   */
  public Map<String, Long> tmcCounters() {
    return tmc.counters();
  }

  /** Counts by status, paid trades and their payment, API calls and injected faults. */
  public SandboxState state() {
    Map<TradeStatus, Integer> byStatus = new EnumMap<>(TradeStatus.class);
    int paid = 0;
    long payment = 0;
    List<TradeRecord> all = store.all();
    for (TradeRecord trade : all) {
      byStatus.merge(trade.status(), 1, Integer::sum);
      if (trade.times().payTime() != null) {
        paid++;
        payment += trade.paymentFen();
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (TradeStatus status : TradeStatus.values()) {
      counts.put(status.name(), byStatus.getOrDefault(status, 0));
    }
    return new SandboxState(all.size(), paid, payment, counts, calls.snapshot(), faults.injected());
  }

  /** Stops the server and the background generator. */
  @Override
  public void close() {
    server.close();
    tmcServer.close();
    afterSale.random(0);
    scheduler.shutdownNow();
  }

  private Map<String, ApiMethod> methods() {
    String nick = shop.credentials().sellerNick();
    TradeJsonWriter tradeWriter = new TradeJsonWriter(nick);
    ItemMethods items = new ItemMethods(shop, new ItemJsonWriter(nick));
    LogisticsMethods logistics = new LogisticsMethods(store, config.clock());
    RefundMethods refundMethods =
        new RefundMethods(refunds, store, new RefundJsonWriter(nick));
    TmcMethods tmcMethods = new TmcMethods(tmc, shop.credentials());
    Map<String, ApiMethod> methods = new HashMap<>();
    methods.put(
        "taobao.trades.sold.increment.get",
        TradeListMethod.increment(store, tradeWriter, config.clock(), faults));
    methods.put(
        "taobao.trades.sold.get", TradeListMethod.sold(store, tradeWriter, config.clock(), faults));
    methods.put("taobao.trade.fullinfo.get", new TradeFullinfoMethod(store, tradeWriter));
    methods.put("taobao.items.onsale.get", items::onsale);
    methods.put("taobao.item.seller.get", items::sellerGet);
    methods.put("taobao.items.seller.list.get", items::sellerListGet);
    methods.put("taobao.logistics.companies.get", logistics::companies);
    methods.put("taobao.logistics.offline.send", logistics::offlineSend);
    methods.put("taobao.refunds.receive.get", refundMethods::receiveGet);
    methods.put("taobao.refund.get", refundMethods::get);
    methods.put("taobao.tmc.user.permit", tmcMethods::permit);
    methods.put("taobao.tmc.user.get", tmcMethods::userGet);
    methods.put("taobao.tmc.user.cancel", tmcMethods::cancel);
    methods.put("taobao.tmc.messages.consume", tmcMethods::consume);
    methods.put("taobao.tmc.messages.confirm", tmcMethods::confirm);
    return methods;
  }
}
