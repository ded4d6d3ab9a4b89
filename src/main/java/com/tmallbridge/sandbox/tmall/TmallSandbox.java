package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

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

  private TmallSandbox(SandboxConfig config) {
    this.config = config;
    this.shop =
        new ShopGenerator(config.seed(), config.clock().instant()).generate(config.itemCount());
    this.faults = new FaultInjector(config.faults(), config.clock(), config.seed() ^ 0xFA17_5EEDL);
    this.scheduler =
        Executors.newScheduledThreadPool(2, SandboxServer.daemonThreads("tmall-sandbox-timer-"));
    this.scenarios = new ScenarioGenerator(new TradeGenerator(shop), store, config, scheduler);
    Map<String, ApiMethod> methods = methods();
    RequestVerifier verifier =
        new RequestVerifier(shop.credentials(), config.clock(), methods.keySet());
    GatewayEndpoint gateway =
        new GatewayEndpoint(methods, verifier, faults, calls, scheduler, config.idsAsStrings());
    try {
      this.server =
          SandboxServer.bind(
              config.port(), config.httpThreads(), gateway, new ControlEndpoint(this));
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
    scheduler.shutdownNow();
  }

  private Map<String, ApiMethod> methods() {
    String nick = shop.credentials().sellerNick();
    TradeJsonWriter tradeWriter = new TradeJsonWriter(nick);
    ItemMethods items = new ItemMethods(shop, new ItemJsonWriter(nick));
    return Map.of(
        "taobao.trades.sold.increment.get",
        TradeListMethod.increment(store, tradeWriter, config.clock(), faults),
        "taobao.trades.sold.get",
        TradeListMethod.sold(store, tradeWriter, config.clock(), faults),
        "taobao.trade.fullinfo.get",
        new TradeFullinfoMethod(store, tradeWriter),
        "taobao.items.onsale.get",
        items::onsale,
        "taobao.item.seller.get",
        items::sellerGet,
        "taobao.items.seller.list.get",
        items::sellerListGet);
  }
}
