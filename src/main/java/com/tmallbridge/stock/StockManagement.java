package com.tmallbridge.stock;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.stock.PublicationRepository.Row;
import java.time.Clock;
import java.time.Instant;
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
 * <p>Every change of a publish rule, a promotion lock or a safety stock ({@link #putRule}, {@link #removeRule},
 * {@link #addLock}, {@link #removeLock}, {@link #putSafety}) is recorded in the audit log as {@code RULE_CHANGE} with
 * the value before and after, in the transaction of the change, for the current actor (the console
 * user, or the operating-system user of the CLI).
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
  private final AuditLog audit;

  StockManagement(ShopManagement shops, RuleRepository rules, PublicationRepository publications, StateRepository state,
      SellableStock stock, StockCalculator calculator, StockPushes pushes, DriftCheck drift, Clock clock, AuditLog audit) {
    this.audit = audit;
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

  /**
   * How many listings had their figure pushed to Tmall successfully at or after {@code since}
   * (their last successful push, so a listing pushed twice counts once; a push that failed since
   * leaves the earlier success counted).
   *
   * @param shopIds only these shops; null = all
   */
  public long pushedSince(Instant since, java.util.@Nullable Collection<ShopId> shopIds) {
    if (shopIds != null && shopIds.isEmpty()) {
      return 0;
    }
    return publications.pushedSince(since, shopIds);
  }

  /** Oversold trades, newest first. */
  public List<Oversell> oversells(@Nullable String shopCode, int limit) {
    return state.oversells(shopCode == null ? null : shop(shopCode).id(), limit);
  }

  /** Every publish rule, ordered by shop, item and SKU (shop defaults first). */
  public List<StockRule> rules() {
    return rules.rules();
  }

  /**
   * Adds or replaces a rule (validated); the shop's figures are recomputed at the next cycle. An
   * actual change is audited as {@code RULE_CHANGE} with the settings before and after.
   */
  @Transactional
  public StockRule putRule(StockRule rule) {
    rule.validate();
    String before = rule(rule.shop(), rule.numIid(), rule.skuId()).map(StockManagement::ruleText).orElse(null);
    rules.putRule(rule, clock.instant());
    String after = ruleText(rule);
    if (!after.equals(before)) {
      audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, ruleTarget(rule.shop(), rule.numIid(), rule.skuId()), before, after));
    }
    state.markDirty(calculator.materialsOfShop(rule.shop()));
    return rule;
  }

  /** Removes a rule; false (and nothing audited) when there was none. */
  @Transactional
  public boolean removeRule(ShopId shop, @Nullable String numIid, @Nullable String skuId) {
    String item = numIid == null ? "" : numIid.trim();
    String sku = skuId == null ? "" : skuId.trim();
    String before = rule(shop, item, sku).map(StockManagement::ruleText).orElse(null);
    boolean removed = rules.removeRule(shop, item, sku);
    if (removed) {
      audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, ruleTarget(shop, item, sku), before, null));
    }
    state.markDirty(calculator.materialsOfShop(shop));
    return removed;
  }

  /** Adds a promotion lock (validated), audited as {@code RULE_CHANGE}; returns it with its id. */
  @Transactional
  public PromotionLock addLock(PromotionLock lock) {
    lock.validate();
    long id = rules.addLock(lock, clock.instant());
    state.markDirty(calculator.materialsOfShop(lock.shop()));
    if (lock.material() != null) {
      state.markDirty(List.of(lock.material()));
    }
    PromotionLock stored = new PromotionLock(id, lock.shop(), lock.material(), lock.numIid(), lock.skuId(), lock.quantity(), lock.from(),
        lock.to(), lock.note());
    audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, lockTarget(stored), null, lockText(stored)));
    return stored;
  }

  /** Locks that have not ended yet (or all, with {@code includeEnded}). */
  public List<PromotionLock> locks(boolean includeEnded) {
    return rules.locks(includeEnded ? null : clock.instant());
  }

  /** Removes a promotion lock, audited as {@code RULE_CHANGE}; false (nothing audited) when there was none. */
  @Transactional
  public boolean removeLock(long id) {
    java.util.Optional<PromotionLock> lock = rules.locks(null).stream().filter(l -> l.id() == id).findFirst();
    lock.ifPresent(l -> {
      state.markDirty(calculator.materialsOfShop(l.shop()));
      if (l.material() != null) {
        state.markDirty(List.of(l.material()));
      }
    });
    boolean removed = rules.removeLock(id);
    if (removed && lock.isPresent()) {
      audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, lockTarget(lock.get()), lockText(lock.get()), null));
    }
    return removed;
  }

  private java.util.Optional<StockRule> rule(ShopId shop, String numIid, String skuId) {
    return rules.rules().stream().filter(r -> r.shop().equals(shop) && r.numIid().equals(numIid) && r.skuId().equals(skuId)).findFirst();
  }

  private String shopCode(ShopId shop) {
    return shops.list().stream().filter(s -> s.id().equals(shop)).map(Shop::code).findFirst().orElse(shop.toString());
  }

  private String ruleTarget(ShopId shop, String numIid, String skuId) {
    return "stock-rule:" + shopCode(shop) + (numIid.isEmpty() ? "" : "/" + numIid) + (skuId.isEmpty() ? "" : "/" + skuId);
  }

  private String lockTarget(PromotionLock lock) {
    return "stock-lock:" + lock.id() + "@" + shopCode(lock.shop());
  }

  /** The rule's own settings in short text ({@code -} for a rule that sets nothing, so all is inherited). */
  static String ruleText(StockRule r) {
    List<String> parts = new ArrayList<>();
    if (r.percent() != null) {
      parts.add("percent " + r.percent());
    }
    if (r.fixedAdd() != null) {
      parts.add("add " + r.fixedAdd());
    }
    if (r.min() != null) {
      parts.add("min " + r.min());
    }
    if (r.max() != null) {
      parts.add("max " + r.max());
    }
    if (r.zeroBelow() != null) {
      parts.add("zero below " + r.zeroBelow());
    }
    if (r.safety() != null) {
      parts.add("safety " + r.safety());
    }
    if (r.warehouses() != null) {
      parts.add("warehouses " + String.join(",", r.warehouses()));
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  /** A lock in short text: target, quantity, window and note. */
  static String lockText(PromotionLock l) {
    String target = l.material() != null ? "material " + l.material().value()
        : "listing " + l.numIid() + (l.skuId() == null || l.skuId().isEmpty() ? "" : "/" + l.skuId());
    return target + ", quantity " + l.quantity() + ", " + l.from() + " to " + l.to() + (l.note() == null || l.note().isBlank() ? "" : ", note " + l.note());
  }

  /** Sets the safety stock of a material (0 removes it); a change is audited as {@code RULE_CHANGE}. */
  @Transactional
  public void putSafety(MaterialCode material, long quantity) {
    if (quantity < 0) {
      throw new InvalidStockRuleException("safety stock must not be negative, got " + quantity);
    }
    Long before = rules.safety(List.of(material)).get(material);
    rules.putSafety(material, quantity, clock.instant());
    if (!java.util.Objects.equals(before, quantity == 0 ? null : quantity)) {
      audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, "stock-safety:" + material.value(), before == null ? null : before.toString(),
          quantity == 0 ? null : Long.toString(quantity)));
    }
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
