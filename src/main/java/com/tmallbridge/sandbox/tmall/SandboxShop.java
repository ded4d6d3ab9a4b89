package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * One seller of the sandbox: its credentials (the sandbox's app key and secret, its own session key
 * and nick), its catalog with live stock, its trades and their generators. Gateway calls with this
 * shop's session see only this shop's items and trades.
 *
 * <p>Thread-safe.
 */
public final class SandboxShop {
  private final int index;
  private final Shop shop;
  private final CatalogSpec catalog;
  private final Clock clock;
  private final ShopStock stock;
  private final TradeStore store = new TradeStore();
  private final ScenarioGenerator scenarios;
  private final StockMethods stockMethods;
  private final Map<String, ApiMethod> methods;

  SandboxShop(
      int index,
      Shop shop,
      CatalogSpec catalog,
      SandboxConfig config,
      FaultInjector faults,
      ScheduledExecutorService scheduler,
      LongPredicate ownedByAnotherSeller) {
    this.index = index;
    this.shop = shop;
    this.catalog = catalog;
    this.clock = config.clock();
    this.stock = new ShopStock(shop.items());
    this.scenarios =
        new ScenarioGenerator(
            new TradeGenerator(stock, index),
            stock,
            store,
            config,
            scheduler,
            index == 0 ? config.seed() : config.seed() ^ (0x5_40_9L * index));
    this.stockMethods = new StockMethods(stock, ownedByAnotherSeller, clock);
    String nick = shop.credentials().sellerNick();
    TradeJsonWriter tradeWriter = new TradeJsonWriter(nick);
    ItemMethods items = new ItemMethods(stock, ownedByAnotherSeller, new ItemJsonWriter(nick));
    this.methods =
        Map.of(
            "taobao.trades.sold.increment.get",
            TradeListMethod.increment(store, tradeWriter, clock, faults),
            "taobao.trades.sold.get",
            TradeListMethod.sold(store, tradeWriter, clock, faults),
            "taobao.trade.fullinfo.get",
            new TradeFullinfoMethod(store, tradeWriter),
            "taobao.items.onsale.get",
            items::onsale,
            "taobao.item.seller.get",
            items::sellerGet,
            "taobao.items.seller.list.get",
            items::sellerListGet,
            "taobao.skus.quantity.update",
            stockMethods::skusQuantityUpdate,
            "taobao.item.quantity.update",
            stockMethods::itemQuantityUpdate);
  }

  /** The methods every shop serves. */
  static List<String> methodNames() {
    return List.of(
        "taobao.trades.sold.increment.get",
        "taobao.trades.sold.get",
        "taobao.trade.fullinfo.get",
        "taobao.items.onsale.get",
        "taobao.item.seller.get",
        "taobao.items.seller.list.get",
        "taobao.skus.quantity.update",
        "taobao.item.quantity.update");
  }

  Map<String, ApiMethod> methods() {
    return methods;
  }

  /** 0 for the default shop, then 1, 2, … in the order the shops were added. */
  public int index() {
    return index;
  }

  /** The sandbox's app key and secret with this seller's session key and nick. */
  public SandboxCredentials credentials() {
    return shop.credentials();
  }

  public String sellerNick() {
    return shop.credentials().sellerNick();
  }

  /** How the catalog was built (for a uniform catalog, the merchant-code pattern). */
  public CatalogSpec catalog() {
    return catalog;
  }

  /** Every item as it stands now (live quantities, held units, {@code modified}), on sale or not. */
  public List<SandboxItem> items() {
    return stock.items();
  }

  public Optional<SandboxItem> item(long numIid) {
    return stock.item(numIid);
  }

  /**
   * The quantity of every stock position now, in catalog order: {@code (numIid, skuId)} for a SKU,
   * {@code (numIid, "")} for an item without SKUs.
   */
  public Map<StockKey, Integer> quantities() {
    return stock.quantities();
  }

  /**
   * The quantity of one position.
   *
   * @param skuId null for an item without SKUs
   * @throws IllegalArgumentException when the shop has no such position
   */
  public int quantity(long numIid, @Nullable Long skuId) {
    return stock.quantity(StockKey.of(numIid, skuId));
  }

  /**
   * Sets quantities directly, all or nothing (setup of tests, demos and benchmarks; not counted as
   * gateway updates). Moves the items' and SKUs' {@code modified} to now.
   *
   * @throws IllegalArgumentException for a position the shop does not have or a negative quantity
   */
  public void setQuantities(Map<StockKey, Integer> quantities) {
    stock.setQuantities(quantities, clock.instant());
  }

  /** Sets every position of the shop to {@code quantity}. */
  public void setAllQuantities(int quantity) {
    Map<StockKey, Integer> all = new LinkedHashMap<>();
    stock.quantities().keySet().forEach(key -> all.put(key, quantity));
    setQuantities(all);
  }

  /** Quantity updates this shop received through the gateway. */
  public StockStats stockStats() {
    return stockMethods.stats();
  }

  /** Ground truth of every trade of this shop, ordered by tid. */
  public List<SandboxTrade> trades() {
    return store.all().stream().map(TradeRecord::view).toList();
  }

  public Optional<SandboxTrade> trade(long tid) {
    return store.get(tid).map(TradeRecord::view);
  }

  /**
   * Generates up to {@code n} trades created in [from, min(to, now)) with their whole lifecycle up
   * to now applied; stock moves with them.
   *
   * @return how many were created: fewer than {@code n} only when the shop sold out
   * @throws IllegalArgumentException when n is negative or the range is empty
   */
  public int generateHistory(int n, Instant from, Instant to) {
    return scenarios.history(n, from, to);
  }

  /** Starts creating {@code n} trades over the next {@code span} (see {@link LiveRun}). */
  public LiveRun generateLive(int n, Duration span) {
    return scenarios.live(n, span);
  }

  /**
   * A Double 11 burst: up to {@code n} trades created within the burst window and paid seconds
   * later.
   *
   * @return how many were created: fewer than {@code n} only when the shop sold out
   */
  public int burst(int n) {
    return scenarios.burst(n);
  }

  /** Trade counts of this shop with the sandbox-wide call and fault counters. */
  SandboxState state(Map<String, Long> apiCalls, Map<String, Long> faultsInjected) {
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
    return new SandboxState(all.size(), paid, payment, counts, apiCalls, faultsInjected);
  }

  boolean owns(long numIid) {
    return stock.contains(numIid);
  }

  @Override
  public String toString() {
    return "SandboxShop[" + index + ", " + sellerNick() + "]";
  }
}
