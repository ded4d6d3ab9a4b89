package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * A running Tmall TOP gateway simulator over a generated shop: the test environment demos, tests
 * and benchmarks of the bridge run against. Speaks TOP's protocol over HTTP at {@link #url()} (JSON
 * only), generates traffic through plain Java calls or the {@code /control/} API, injects faults,
 * and exposes the ground truth for verification.
 *
 * <p>It hosts one seller, the default shop, and more on request ({@link #addShop}): every shop is
 * a seller who authorised the same app, with its own nick, session key, catalog, stock and trades;
 * the gateway routes each call by its session key. The methods of this class that name no shop
 * act on the default shop, except {@link #stockStats()}, which adds up all shops; every shop offers
 * the same operations on itself ({@link SandboxShop}).
 *
 * <p>TMC belongs to the app, so there is one hub and one top-link WebSocket server ({@link
 * #tmcUrl()}) for all shops: each shop publishes its trades' and refunds' changes under its own
 * seller nick and user id, once its seller is permitted.
 *
 * <p>Thread-safe. Close it to stop the server and the background generator.
 */
public final class TmallSandbox implements AutoCloseable {
  private static final int MAX_SHOPS = 1_000;

  private final SandboxConfig config;
  private final FaultInjector faults;
  private final CallCounters calls = new CallCounters();
  private final ScheduledExecutorService scheduler;
  private final List<SandboxShop> shops = new CopyOnWriteArrayList<>();
  private final Map<String, SandboxShop> bySession = new ConcurrentHashMap<>();
  private final TmcHub tmc;
  private final SandboxShop defaultShop;
  private final SandboxServer server;
  private final TopLinkServer tmcServer;

  private TmallSandbox(SandboxConfig config) {
    this.config = config;
    this.faults = new FaultInjector(config.faults(), config.clock(), config.seed() ^ 0xFA17_5EEDL);
    this.scheduler =
        Executors.newScheduledThreadPool(2, SandboxServer.daemonThreads("tmall-sandbox-timer-"));
    this.tmc = new TmcHub(config.clock(), System::nanoTime, config.seed(), TmcSettings.defaults());
    Shop shop =
        new ShopGenerator(config.seed(), config.clock().instant())
            .generate(config.catalog(), null, null);
    this.defaultShop = register(shop, config.catalog());
    RequestVerifier verifier =
        new RequestVerifier(
            shop.credentials(),
            config.clock(),
            Set.copyOf(SandboxShop.methodNames()),
            bySession::containsKey);
    GatewayEndpoint gateway =
        new GatewayEndpoint(
            Set.copyOf(SandboxShop.methodNames()),
            this::methodsOf,
            verifier,
            faults,
            calls,
            scheduler,
            config.idsAsStrings());
    try {
      this.server =
          SandboxServer.bind(
              config.port(), config.httpThreads(), gateway, new ControlEndpoint(this));
    } catch (RuntimeException e) {
      scheduler.shutdownNow();
      throw e;
    }
    try {
      server.addContext("/control/aftersale/", new AfterSaleControlEndpoint(this));
      server.addContext("/control/money/", new MoneyControlEndpoint(this));
      this.tmcServer = new TopLinkServer(tmc, shop.credentials(), config.clock());
    } catch (RuntimeException e) {
      server.close();
      scheduler.shutdownNow();
      throw e;
    }
  }

  /**
   * The methods for a verified call: the session's shop's, or for a call without a session (only
   * {@link SandboxShop#APP_METHODS} get past the verifier without one) the default shop's, which
   * act on the app as a whole.
   */
  private Map<String, ApiMethod> methodsOf(@Nullable String session) {
    return session == null ? defaultShop.methods() : bySession.get(session).methods();
  }

  /**
   * Generates the default shop from the seed and starts the server on 127.0.0.1.
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

  /** The default shop's credentials (the app key and secret are the same for every shop). */
  public SandboxCredentials credentials() {
    return defaultShop.credentials();
  }

  public Clock clock() {
    return config.clock();
  }

  /** The shop generated at start. */
  public SandboxShop defaultShop() {
    return defaultShop;
  }

  /** Every shop, the default shop first, then in the order they were added. */
  public List<SandboxShop> shops() {
    return List.copyOf(shops);
  }

  /** The shop with this seller nick. */
  public Optional<SandboxShop> shop(String sellerNick) {
    return shops.stream().filter(s -> s.sellerNick().equals(sellerNick)).findFirst();
  }

  /**
   * Adds a seller who authorised the sandbox's app: same app key and secret, its own session key
   * (drawn from the seed and the shop's index), nick and catalog. The same merchant codes may
   * appear in several shops (e.g. two shops with the same {@link CatalogSpec#uniform} prefix); item,
   * SKU and trade ids never collide.
   *
   * @throws IllegalArgumentException when the nick is blank or taken, or there are already 1,000
   *     shops
   */
  public synchronized SandboxShop addShop(String sellerNick, CatalogSpec catalog) {
    if (sellerNick == null || sellerNick.isBlank()) {
      throw new IllegalArgumentException("a shop needs a seller nick");
    }
    if (shop(sellerNick).isPresent()) {
      throw new IllegalArgumentException("there is already a shop " + sellerNick);
    }
    if (shops.size() >= MAX_SHOPS) {
      throw new IllegalArgumentException("at most " + MAX_SHOPS + " shops");
    }
    Shop shop =
        new ShopGenerator(config.seed(), config.clock().instant(), shops.size())
            .generate(catalog, defaultShop.credentials(), sellerNick);
    return register(shop, catalog);
  }

  private SandboxShop register(Shop shop, CatalogSpec catalog) {
    int index = shops.size();
    SandboxShop[] self = new SandboxShop[1];
    SandboxShop added =
        new SandboxShop(
            index,
            shop,
            catalog,
            config,
            faults,
            scheduler,
            numIid -> shops.stream().anyMatch(other -> other != self[0] && other.owns(numIid)),
            tmc);
    self[0] = added;
    if (bySession.putIfAbsent(shop.credentials().sessionKey(), added) != null) {
      throw new IllegalStateException("session key collision for shop " + index);
    }
    shops.add(added);
    return added;
  }

  /**
   * Generates up to {@code n} trades in the default shop created in [from, min(to, now)) whose
   * whole lifecycle up to now is already applied, following the configured {@link TradeMix}; stock
   * moves with them.
   *
   * @return how many were created: fewer than {@code n} only when the shop sold out
   * @throws IllegalArgumentException when n is negative or the range is empty
   */
  public int generateHistory(int n, Instant from, Instant to) {
    return defaultShop.generateHistory(n, from, to);
  }

  /**
   * Starts creating {@code n} trades in the default shop over the next {@code span} of real time on
   * a background thread; they are paid or closed seconds later, within the span. Events carry the
   * clock's now.
   */
  public LiveRun generateLive(int n, Duration span) {
    return defaultShop.generateLive(n, span);
  }

  /** See {@link SandboxShop#generateLivePaid(int, Duration)}. */
  public LiveRun generateLivePaid(int n, Duration span) {
    return defaultShop.generateLivePaid(n, span);
  }

  /**
   * A Double 11 burst in the default shop: up to {@code n} trades created within the burst window
   * and paid seconds later.
   *
   * @return how many were created: fewer than {@code n} only when the shop sold out
   */
  public int burst(int n) {
    return defaultShop.burst(n);
  }

  /** See {@link SandboxShop#generateLivePaidOf(long, int, Duration)}. */
  public LiveRun generateLivePaidOf(long numIid, int n, Duration span) {
    return defaultShop.generateLivePaidOf(numIid, n, span);
  }

  /** See {@link SandboxShop#recodeSkus(long, java.util.function.UnaryOperator)}. */
  public SandboxItem recodeSkus(long numIid, java.util.function.UnaryOperator<String> recode) {
    return defaultShop.recodeSkus(numIid, recode);
  }

  /** Ground truth of every trade of the default shop, ordered by tid. */
  public List<SandboxTrade> trades() {
    return defaultShop.trades();
  }

  public Optional<SandboxTrade> trade(long tid) {
    return defaultShop.trade(tid);
  }

  /** See {@link SandboxShop#paidAt(long)}. */
  public Optional<Instant> paidAt(long tid) {
    return defaultShop.paidAt(tid);
  }

  /** Every item of the default shop as it stands now, on sale or not. */
  public List<SandboxItem> items() {
    return defaultShop.items();
  }

  /** The default shop's quantities: see {@link SandboxShop#quantities()}. */
  public Map<StockKey, Integer> quantities() {
    return defaultShop.quantities();
  }

  /** Sets the default shop's quantities: see {@link SandboxShop#setQuantities(Map)}. */
  public void setQuantities(Map<StockKey, Integer> quantities) {
    defaultShop.setQuantities(quantities);
  }

  /** Quantity updates received through the gateway, all shops added up. */
  public StockStats stockStats() {
    StockStats total = StockStats.NONE;
    for (SandboxShop shop : shops) {
      total = total.plus(shop.stockStats());
    }
    return total;
  }

  /** Gateway calls per API method so far (all shops). */
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

  // ---- shipments and after-sale of the default shop; see SandboxShop for any shop ----

  /** The default shop's parcels of a trade: see {@link SandboxShop#parcels(long)}. */
  public List<SandboxParcel> parcels(long tid) {
    return defaultShop.parcels(tid);
  }

  /** Every after-sale case of the default shop, newest modification first. */
  public List<SandboxRefund> refunds() {
    return defaultShop.refunds();
  }

  public Optional<SandboxRefund> refund(long refundId) {
    return defaultShop.refund(refundId);
  }

  /**
   * Opens a case in the default shop: see {@link SandboxShop#openRefund(long, long, RefundKind,
   * Long, String)}.
   */
  public SandboxRefund openRefund(
      long tid, long oid, RefundKind kind, @Nullable Long feeFen, String reason) {
    return defaultShop.openRefund(tid, oid, kind, feeFen, reason);
  }

  /** The seller agrees: a refund without return succeeds, a return waits for the goods. */
  public SandboxRefund agreeRefund(long refundId) {
    return defaultShop.agreeRefund(refundId);
  }

  /** The seller refuses a case waiting for agreement. */
  public SandboxRefund refuseRefund(long refundId) {
    return defaultShop.refuseRefund(refundId);
  }

  /** The buyer sends the goods back with this carrier name and tracking number. */
  public SandboxRefund returnGoods(long refundId, String carrierName, String trackingNo) {
    return defaultShop.returnGoods(refundId, carrierName, trackingNo);
  }

  /** The seller confirms the returned goods arrived: the case succeeds. */
  public SandboxRefund confirmReturn(long refundId) {
    return defaultShop.confirmReturn(refundId);
  }

  /** The buyer withdraws the case. */
  public SandboxRefund closeRefund(long refundId) {
    return defaultShop.closeRefund(refundId);
  }

  /** The buyer moves the delivery address (to a random one); only before the trade fully shipped. */
  public void changeAddress(long tid) {
    defaultShop.changeAddress(tid);
  }

  /** The seller writes a memo and sets a flag (0..5). */
  public void changeMemo(long tid, String memo, int flag) {
    defaultShop.changeMemo(tid, memo, flag);
  }

  /**
   * Random after-sale traffic on the default shop's paid trades at about {@code perSecond} actions
   * a second (open, agree, refuse, return, confirm, close, address and memo changes); 0 stops it.
   */
  public void randomAfterSale(double perSecond) {
    defaultShop.randomAfterSale(perSecond);
  }

  // ---- TMC (one hub for the app, all shops) ----

  /** The default shop's settlement lines: see {@link SandboxShop#bills()}. */
  public List<SandboxBill> bills() {
    return defaultShop.bills();
  }

  /** The default shop's injected money faults: see {@link SandboxShop#moneyFaults()}. */
  public List<SandboxMoneyFault> moneyFaults() {
    return defaultShop.moneyFaults();
  }

  /** See {@link SandboxShop#confirmReceipt(long)} (default shop). */
  public SandboxTrade confirmReceipt(long tid) {
    return defaultShop.confirmReceipt(tid);
  }

  /** See {@link SandboxShop#buyersConfirmReceipt(Duration, Duration)} (default shop). */
  public void buyersConfirmReceipt(Duration after, Duration settledWithin) {
    defaultShop.buyersConfirmReceipt(after, settledWithin);
  }

  /** See {@link SandboxShop#injectFeeOutOfRate(long)} (default shop). */
  public SandboxMoneyFault injectFeeOutOfRate(long tid) {
    return defaultShop.injectFeeOutOfRate(tid);
  }

  /** See {@link SandboxShop#injectUnknownTradeSettlement()} (default shop). */
  public SandboxMoneyFault injectUnknownTradeSettlement() {
    return defaultShop.injectUnknownTradeSettlement();
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

  /**
   * Permits the default shop's seller for TMC as {@code taobao.tmc.user.permit} does (all topics);
   * {@link SandboxShop#tmcPermit()} for another shop.
   */
  public void tmcPermit() {
    defaultShop.tmcPermit();
  }

  /** Moves a permitted seller's messages to another group (TOP: groups set in the console). */
  public void tmcGroup(String nick, String group) {
    tmc.assignGroup(nick, group);
  }

  /**
   * TMC counters of the app (all shops): published, duplicated, delivered, redelivered, dropped,
   * confirmed, failed, and the messages ready and in flight now.
   */
  public Map<String, Long> tmcCounters() {
    return tmc.counters();
  }

  /** The sellers permitted for TMC now, with their user id, group and topics. */
  List<TmcHub.User> tmcUsers() {
    return tmc.users();
  }

  /**
   * Counts by status, paid trades and their payment (default shop), API calls and injected faults
   * (all shops).
   */
  public SandboxState state() {
    return defaultShop.state(calls.snapshot(), faults.injected());
  }

  /** Stops the servers (gateway and TMC), random after-sale traffic and the background generator. */
  @Override
  public void close() {
    server.close();
    tmcServer.close();
    shops.forEach(SandboxShop::stop);
    scheduler.shutdownNow();
  }
}
