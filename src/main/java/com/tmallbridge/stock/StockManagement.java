package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.stock.PublicationRepository.Row;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the stock flow: what each listing shows and should show, publish rules, promotion
 * locks, safety stock, on-demand pushes, the drift and oversell check. Pushes are queued here and
 * delivered by the outbox ({@link StockSync#runOnce()} or the running dispatcher).
 *
 * <p>Shop codes that name no shop and invalid values throw {@link IllegalArgumentException}
 * (rules: {@link InvalidStockRuleException}) with a message naming the value.
 */
@Service
public class StockManagement {
  private final ShopManagement shops;
  private final RuleRepository rules;
  private final PublicationRepository publications;
  private final StateRepository state;
  private final SellableStock stock;
  private final StockCalculator calculator;
  private final StockPushes pushes;
  private final DriftCheck drift;
  private final Clock clock;

  StockManagement(ShopManagement shops, RuleRepository rules, PublicationRepository publications, StateRepository state,
      SellableStock stock, StockCalculator calculator, StockPushes pushes, DriftCheck drift, Clock clock) {
    this.shops = shops;
    this.rules = rules;
    this.publications = publications;
    this.state = state;
    this.stock = stock;
    this.calculator = calculator;
    this.pushes = pushes;
    this.drift = drift;
    this.clock = clock;
  }

  /**
   * Listings with their stock figures.
   *
   * @param shopCode only this shop; null = all
   * @param sku only listings matching {@code numIid}, {@code numIid/skuId} or a SKU id; null = all
   * @param material only listings using this material; null = all
   */
  public List<StockLine> show(@Nullable String shopCode, @Nullable String sku, @Nullable String material) {
    ShopId shop = shopCode == null ? null : shop(shopCode).id();
    List<Row> rows = publications.rows(shop).stream()
        .filter(r -> sku == null || matchesSku(r, sku))
        .filter(r -> material == null || components(r).containsKey(material))
        .toList();
    return lines(rows);
  }

  /**
   * The console's stock screen: listings of the given shops whose item or SKU id (or {@code
   * numIid/skuId}) starts with {@code skuPrefix}, ordered by shop, item and SKU, with figures read
   * now and the rule that applied.
   *
   * @param shopIds only these shops; null = all
   * @param skuPrefix null or blank = any
   * @param limit at most this many listings
   */
  public List<StockOverview> overview(java.util.@Nullable Collection<ShopId> shopIds, @Nullable String skuPrefix, int limit) {
    String prefix = skuPrefix == null ? "" : skuPrefix.strip();
    List<Row> rows = publications.rows(null).stream()
        .filter(r -> shopIds == null || shopIds.contains(r.shop()))
        .filter(r -> prefix.isEmpty() || r.numIid().startsWith(prefix) || r.skuId().startsWith(prefix)
            || (r.numIid() + "/" + r.skuId()).startsWith(prefix))
        .limit(limit)
        .toList();
    List<StockLine> lines = lines(rows);
    RuleBook book = new RuleBook(rules.rules());
    List<StockOverview> result = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      result.add(new StockOverview(r.shop(), lines.get(i), book.applied(r.shop().value(), r.numIid(), r.skuId())));
    }
    return result;
  }

  /** The figures of {@code rows}, in their order, with sellable stock read from the ERP now. */
  private List<StockLine> lines(List<Row> rows) {
    Set<MaterialCode> materials = new LinkedHashSet<>();
    rows.forEach(r -> components(r).keySet().forEach(m -> materials.add(new MaterialCode(m))));
    SellableStock.Snapshot snapshot = stock.read(materials);
    Map<ShopId, String> codes = new HashMap<>();
    shops.list().forEach(s -> codes.put(s.id(), s.code()));
    List<StockLine> lines = new ArrayList<>();
    for (Row r : rows) {
      long onHand = 0;
      long reserved = 0;
      long safety = 0;
      long sellable = Long.MAX_VALUE;
      for (Map.Entry<String, Integer> c : components(r).entrySet()) {
        MaterialCode m = new MaterialCode(c.getKey());
        onHand += snapshot.onHand(m, null);
        reserved += snapshot.reserved(m);
        safety += snapshot.safety(m);
        sellable = Math.min(sellable, Math.max(0, snapshot.sellable(m, null)) / c.getValue());
      }
      lines.add(new StockLine(codes.getOrDefault(r.shop(), r.shop().toString()), r.numIid(), r.skuId(), r.components(), onHand, reserved,
          safety, sellable == Long.MAX_VALUE ? 0 : sellable, r.wanted(), r.pushed(), r.pushedAt(), r.lastError(), r.pendingSince() != null));
    }
    return lines;
  }

  /**
   * Marks listings to be pushed even when their figure did not change, and queues the pushes.
   *
   * @param skus {@code numIid} or {@code numIid/skuId} each; empty = every listing of the shop(s)
   * @return how many listings were marked
   */
  @Transactional
  public int push(@Nullable String shopCode, List<String> skus) {
    ShopId shop = shopCode == null ? null : shop(shopCode).id();
    int marked = 0;
    if (skus.isEmpty()) {
      marked = publications.force(shop, null, null);
    }
    for (String sku : skus) {
      String[] parts = sku.split("/", 2);
      if (parts[0].isBlank()) {
        throw new IllegalArgumentException("'" + sku + "' is not a SKU: use NUM_IID or NUM_IID/SKU_ID");
      }
      marked += publications.force(shop, parts[0], parts.length > 1 ? parts[1] : null);
    }
    pushes.enqueueDue();
    return marked;
  }

  /**
   * Compares what Tmall shows with what should be published, and lists oversold trades.
   *
   * @param fix push the right figure for every difference found
   */
  public CheckReport check(@Nullable String shopCode, boolean fix) {
    List<Shop> targets = shopCode == null ? shops.list() : List.of(shop(shopCode));
    List<Drift> drifts = new ArrayList<>();
    targets.forEach(s -> drifts.addAll(drift.check(s)));
    if (fix && !drifts.isEmpty()) {
      forceDrifts(drifts);
    }
    return new CheckReport(drifts, state.oversells(shopCode == null ? null : targets.get(0).id(), 1000), fix && !drifts.isEmpty());
  }

  private void forceDrifts(List<Drift> drifts) {
    Map<String, ShopId> ids = new HashMap<>();
    List<StockPushes.Target> targets = drifts.stream()
        .map(d -> new StockPushes.Target(ids.computeIfAbsent(d.shopCode(), c -> shop(c).id()), d.numIid(), d.skuId())).toList();
    pushes.forceAndEnqueue(targets);
  }

  /** Oversold trades, newest first. */
  public List<Oversell> oversells(@Nullable String shopCode, int limit) {
    return state.oversells(shopCode == null ? null : shop(shopCode).id(), limit);
  }

  public List<StockRule> rules() {
    return rules.rules();
  }

  /** Adds or replaces a rule (validated); the shop's figures are recomputed at the next cycle. */
  @Transactional
  public StockRule putRule(StockRule rule) {
    rule.validate();
    rules.putRule(rule, clock.instant());
    state.markDirty(calculator.materialsOfShop(rule.shop()));
    return rule;
  }

  @Transactional
  public boolean removeRule(ShopId shop, String numIid, String skuId) {
    boolean removed = rules.removeRule(shop, numIid == null ? "" : numIid, skuId == null ? "" : skuId);
    state.markDirty(calculator.materialsOfShop(shop));
    return removed;
  }

  /** Adds a promotion lock (validated); returns it with its id. */
  @Transactional
  public PromotionLock addLock(PromotionLock lock) {
    lock.validate();
    long id = rules.addLock(lock, clock.instant());
    state.markDirty(calculator.materialsOfShop(lock.shop()));
    if (lock.material() != null) {
      state.markDirty(List.of(lock.material()));
    }
    return new PromotionLock(id, lock.shop(), lock.material(), lock.numIid(), lock.skuId(), lock.quantity(), lock.from(), lock.to(),
        lock.note());
  }

  /** Locks that have not ended yet (or all, with {@code includeEnded}). */
  public List<PromotionLock> locks(boolean includeEnded) {
    return rules.locks(includeEnded ? null : clock.instant());
  }

  @Transactional
  public boolean removeLock(long id) {
    List<PromotionLock> all = rules.locks(null);
    all.stream().filter(l -> l.id() == id).findFirst().ifPresent(l -> {
      state.markDirty(calculator.materialsOfShop(l.shop()));
      if (l.material() != null) {
        state.markDirty(List.of(l.material()));
      }
    });
    return rules.removeLock(id);
  }

  /** Sets the safety stock of a material (0 removes it). */
  @Transactional
  public void putSafety(MaterialCode material, long quantity) {
    if (quantity < 0) {
      throw new InvalidStockRuleException("safety stock must not be negative, got " + quantity);
    }
    rules.putSafety(material, quantity, clock.instant());
    state.markDirty(List.of(material));
  }

  public Map<MaterialCode, Long> safety() {
    return rules.safety();
  }

  /** Resolves a shop code. */
  public Shop shop(String code) {
    return shops.findByCode(code).orElseThrow(() -> new IllegalArgumentException("no shop with code '" + code + "' (see 'bridge shop list')"));
  }

  private static boolean matchesSku(Row r, String sku) {
    return sku.equals(r.numIid()) || sku.equals(r.skuId()) || sku.equals(r.numIid() + "/" + r.skuId());
  }

  /** Material → units per listing unit, parsed from the stored description ({@code A*2+B}). */
  static Map<String, Integer> components(Row r) {
    Map<String, Integer> result = new java.util.LinkedHashMap<>();
    for (String part : r.components().split("\\+")) {
      int star = part.lastIndexOf('*');
      if (star > 0) {
        result.merge(part.substring(0, star), Integer.parseInt(part.substring(star + 1)), Integer::sum);
      } else if (!part.isEmpty()) {
        result.merge(part, 1, Integer::sum);
      }
    }
    return result;
  }

  /**
   * Result of {@link #check}.
   *
   * @param drifts listings whose Tmall quantity differs from the wanted figure
   * @param oversells oversold trades
   * @param fixed whether pushes were queued to correct the drifts
   */
  public record CheckReport(List<Drift> drifts, List<Oversell> oversells, boolean fixed) {}
}
