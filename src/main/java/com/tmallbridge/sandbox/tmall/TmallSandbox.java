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

/**
 * A running Tmall TOP gateway simulator over a generated shop: the test environment demos, tests
 * and benchmarks of the bridge run against. Speaks TOP's protocol over HTTP at {@link #url()} (JSON
 * only), generates traffic through plain Java calls or the {@code /control/} API, injects faults,
 * and exposes the ground truth for verification.
 *
 * <p>It hosts one seller, the default shop, and more on request ({@link #addShop}): every shop is
 * a seller who authorised the same app, with its own nick, session key, catalog, stock and trades;
 * the gateway routes each call by its session key. The methods of this class that name no shop
 * act on the default shop, except {@link #stockStats()}, which adds up all shops.
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
  private final SandboxShop defaultShop;
  private final SandboxServer server;

  private TmallSandbox(SandboxConfig config) {
    this.config = config;
    this.faults = new FaultInjector(config.faults(), config.clock(), config.seed() ^ 0xFA17_5EEDL);
    this.scheduler =
        Executors.newScheduledThreadPool(2, SandboxServer.daemonThreads("tmall-sandbox-timer-"));
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
            session -> bySession.get(session).methods(),
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
            numIid -> shops.stream().anyMatch(other -> other != self[0] && other.owns(numIid)));
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

  /**
   * A Double 11 burst in the default shop: up to {@code n} trades created within the burst window
   * and paid seconds later.
   *
   * @return how many were created: fewer than {@code n} only when the shop sold out
   */
  public int burst(int n) {
    return defaultShop.burst(n);
  }

  /** Ground truth of every trade of the default shop, ordered by tid. */
  public List<SandboxTrade> trades() {
    return defaultShop.trades();
  }

  public Optional<SandboxTrade> trade(long tid) {
    return defaultShop.trade(tid);
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

  /**
   * Counts by status, paid trades and their payment (default shop), API calls and injected faults
   * (all shops).
   */
  public SandboxState state() {
    return defaultShop.state(calls.snapshot(), faults.injected());
  }

  /** Stops the server and the background generator. */
  @Override
  public void close() {
    server.close();
    scheduler.shutdownNow();
  }
}
