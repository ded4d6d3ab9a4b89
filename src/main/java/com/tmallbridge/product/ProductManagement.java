package com.tmallbridge.product;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Façade of the product module for the CLI, the demo and the console: product match, mismatch
 * report, fixes (mappings by hand, CSV batches, missing ERP materials), combos and gift rules.
 * Every fix matches the stored listings again at once, so {@link Listings} reflects it without a
 * new read from Tmall.
 */
@Service
public class ProductManagement {
  private final ShopManagement shops;
  private final ListingMatch listingMatch;
  private final ListingRepository listings;
  private final MappingRepository mappings;
  private final SkuMatcher matcher;
  private final ComboCatalog combos;
  private final GiftRuleBook gifts;
  private final ErpMaterials materials;
  private final ProductProperties properties;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final Clock clock;

  ProductManagement(
      ShopManagement shops, ListingMatch listingMatch, ListingRepository listings, MappingRepository mappings, SkuMatcher matcher,
      ComboCatalog combos, GiftRuleBook gifts, ErpMaterials materials, ProductProperties properties, TransactionTemplate tx,
      AuditLog audit, Clock clock) {
    this.shops = shops;
    this.listingMatch = listingMatch;
    this.listings = listings;
    this.mappings = mappings;
    this.matcher = matcher;
    this.combos = combos;
    this.gifts = gifts;
    this.materials = materials;
    this.properties = properties;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Reads every item on sale of the shop with its SKUs, matches them and stores the listings.
   *
   * @throws com.tmallbridge.channel.ChannelException when Tmall cannot be read (nothing is stored then)
   * @throws IllegalArgumentException when there is no such shop
   */
  public MatchResult match(ShopId shop, MatchProgress progress) {
    return listingMatch.run(shop(shop), progress);
  }

  /** Matches the stored listings of every shop again with today's mappings, combos and materials (no Tmall calls). */
  public void rematchStored() {
    shops.list().forEach(s -> rematch(s.id()));
  }

  /** The mismatch report of the shop, with the configured price tolerance unless {@code tolerancePercent} is given. */
  public MismatchReport report(ShopId shop, @Nullable BigDecimal tolerancePercent) {
    Shop s = shop(shop);
    BigDecimal tolerance = tolerancePercent != null ? tolerancePercent : properties.priceTolerancePercent();
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("--tolerance must not be negative, got " + tolerance);
    }
    List<ListingRow> all = listings.ofShop(shop);
    List<ListingRow> onSale = all.stream().filter(ListingRow::onSale).toList();
    Instant lastMatch = all.stream().map(ListingRow::readAt).max(Comparator.naturalOrder()).orElse(null);
    String note = all.isEmpty() ? "no listings stored for shop " + s.code() + ": run 'products match --shop " + s.code() + "' first"
        : materials.canTell() ? null : "the active ERP cannot list materials: unknown codes and prices are not checked";
    List<Combo> allCombos = combos.all();
    Map<MaterialCode, Material> known = materials.withCodes(MismatchFinder.codesToPrice(onSale, allCombos));
    List<Mismatch> lines = new MismatchFinder(s.code(), known, materials.canTell(), allCombos, tolerance).find(onSale);
    return new MismatchReport(s.code(), clock.instant(), lastMatch, onSale.size(), tolerance, lines, note);
  }

  /** The stored listings of a shop (on sale or not), with their match, for people. */
  public List<ListingView> listings(ShopId shop) {
    return listings.ofShop(shop).stream().map(ListingView::of).toList();
  }

  /**
   * Maps an item/SKU by hand to a material ({@code combo} false) or a combo code ({@code combo} true)
   * and matches the item's stored listings again.
   *
   * @return the SKU's match with the new mapping (its {@code problem} says when the ERP lacks the material)
   * @throws InvalidProductInputException when {@code combo} is true and no combo has the code, or
   *     false and the code is a combo's
   */
  public SkuMatch map(ShopId shop, String numIid, @Nullable String skuId, String code, boolean combo) {
    String sku = skuId == null ? "" : skuId;
    boolean isCombo = combos.componentsOf(code).isPresent();
    if (combo && !isCombo) {
      throw new InvalidProductInputException(ProductErrorCode.UNKNOWN_COMBO, "no combo has the code '" + code + "' (products combos list)");
    }
    if (!combo && isCombo) {
      throw new InvalidProductInputException(ProductErrorCode.INVALID_MAPPING, "'" + code + "' is a combo: use --combo " + code);
    }
    putMapping(shop, numIid, sku, code);
    SkuRef ref = listings.ofShop(shop).stream().filter(r -> r.numIid().equals(numIid) && r.skuId().equals(sku)).findFirst()
        .map(ListingRow::ref).orElse(new SkuRef(numIid, sku, null, null));
    return matcher.match(shop, List.of(ref)).get(ref);
  }

  /**
   * Stores a mapping by hand without checks (the material may be created afterwards) and matches
   * the shop's stored listings again. Idempotent.
   */
  public void putMapping(ShopId shop, String numIid, @Nullable String skuId, String code) {
    String target = mappingTarget(shop(shop), numIid, skuId == null ? "" : skuId);
    tx.executeWithoutResult(s -> putAudited(shop, target, numIid, skuId == null ? "" : skuId, new MaterialCode(code).value()));
    rematch(shop);
  }

  /** Stores one mapping and records it in the audit log with the code it replaced; in the caller's transaction. */
  private void putAudited(ShopId shop, String target, String numIid, String skuId, String code) {
    String before = mappings.byItems(shop, List.of(numIid)).get(MappingRepository.key(numIid, skuId));
    mappings.put(shop, numIid, skuId, code, clock.instant());
    if (!code.equals(before)) {
      audit.record(AuditEvent.change(AuditAction.MAPPING_CHANGE, target, before, code));
    }
  }

  private static String mappingTarget(Shop shop, String numIid, String skuId) {
    return "mapping:" + shop.code() + "/" + numIid + (skuId.isEmpty() ? "" : "/" + skuId);
  }

  /** Removes a mapping by hand; false when there was none. */
  public boolean removeMapping(ShopId shop, String numIid, @Nullable String skuId) {
    String sku = skuId == null ? "" : skuId;
    String target = mappingTarget(shop(shop), numIid, sku);
    boolean removed = Boolean.TRUE.equals(tx.execute(s -> {
      String before = mappings.byItems(shop, List.of(numIid)).get(MappingRepository.key(numIid, sku));
      boolean gone = mappings.remove(shop, numIid, sku);
      if (gone) {
        audit.record(AuditEvent.change(AuditAction.MAPPING_CHANGE, target, before, null));
      }
      return gone;
    }));
    if (removed) {
      rematch(shop);
    }
    return removed;
  }

  public List<SkuMapping> mappings() {
    return mappings.all();
  }

  /**
   * Applies mappings from CSV ({@code num_iid,sku_id,material}); each row on its own: a bad row is
   * reported and skipped, the others are applied.
   */
  public BatchOutcome importMappings(ShopId shop, Reader csv) {
    Shop known = shop(shop);
    List<String> lines = new ArrayList<>();
    int applied = 0;
    int failed = 0;
    for (MappingImport.Row row : MappingImport.parse(csv)) {
      if (!row.valid()) {
        failed++;
        lines.add("line " + row.lineNo() + ": refused: " + row.error());
        continue;
      }
      tx.executeWithoutResult(s -> putAudited(shop, mappingTarget(known, row.numIid(), row.skuId()), row.numIid(), row.skuId(),
          row.code()));
      applied++;
      lines.add("line " + row.lineNo() + ": mapped " + row.numIid() + (row.skuId().isEmpty() ? "" : "/" + row.skuId()) + " -> " + row.code());
    }
    rematch(shop);
    return new BatchOutcome(applied, failed, lines);
  }

  /**
   * Creates in the ERP a material for every merchant code of the shop's on-sale listings that
   * matches nothing (neither a material nor a combo) — the SKU's own code, or the item's for items
   * without SKUs (never an item's code for its SKUs) — with the code as material code, title and SKU
   * properties as name, Tmall's price as sale price, unit {@code pcs}. A code shared by several
   * SKUs is created once, from the first. With {@code dryRun} nothing is written.
   *
   * @throws IllegalStateException when the active ERP cannot create materials
   */
  public BatchOutcome createMissingMaterials(ShopId shop, boolean dryRun) {
    shop(shop);
    MaterialCatalog catalog = materials.catalog()
        .orElseThrow(() -> new IllegalStateException("the active ERP cannot create materials (no MaterialCatalog)"));
    Map<String, ListingRow> byCode = new LinkedHashMap<>();
    listings.ofShop(shop).stream()
        .filter(r -> r.onSale() && !r.matched() && r.matchCode() != null)
        .filter(r -> r.outerId() != null && r.matchSource() != MatchSource.MAPPING)
        .forEach(r -> byCode.putIfAbsent(r.matchCode(), r));
    List<String> lines = new ArrayList<>();
    for (ListingRow r : byCode.values()) {
      Material m = new Material(new MaterialCode(r.matchCode()), truncate(r.displayName(), 200), "pcs", r.priceFen());
      if (!dryRun) {
        catalog.upsertMaterial(m);
      }
      lines.add((dryRun ? "would create " : "created ") + m.code() + " '" + m.name() + "' at "
          + com.tmallbridge.core.Money.formatYuan(m.salePriceFen()));
    }
    if (!dryRun) {
      rematch(shop);
    }
    return new BatchOutcome(byCode.size(), 0, lines);
  }

  public List<Combo> combos() {
    return combos.all();
  }

  public Optional<Combo> combo(String code) {
    return combos.componentsOf(code).map(c -> new Combo(code, c));
  }

  /**
   * Creates or replaces a combo and matches every shop's stored listings again.
   *
   * @throws InvalidProductInputException when it breaks a combo rule (see {@link Combos})
   */
  public void setCombo(Combo combo) {
    tx.executeWithoutResult(s -> {
      String before = combos.componentsOf(combo.code()).map(c -> new Combo(combo.code(), c).toString()).orElse(null);
      combos.set(combo);
      audit.record(AuditEvent.change(AuditAction.MAPPING_CHANGE, "combo:" + combo.code(), before, combo.toString()));
    });
    rematchStored();
  }

  /** @throws InvalidProductInputException when there is no such combo */
  public void removeCombo(String code) {
    tx.executeWithoutResult(s -> {
      String before = combos.componentsOf(code).map(c -> new Combo(code, c).toString()).orElse(null);
      combos.remove(code);
      audit.record(AuditEvent.change(AuditAction.MAPPING_CHANGE, "combo:" + code, before, null));
    });
    rematchStored();
  }

  public List<GiftRule> giftRules() {
    return gifts.all();
  }

  /** @throws InvalidProductInputException when the rule is incomplete or its gift is not in the ERP */
  public GiftRule addGiftRule(GiftRule rule) {
    shop(rule.shop());
    return tx.execute(s -> {
      GiftRule added = gifts.add(rule);
      audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, "gift-rule:" + added.id(), null, added.toString()));
      return added;
    });
  }

  /** @throws InvalidProductInputException when there is no such rule */
  public void removeGiftRule(long id) {
    tx.executeWithoutResult(s -> {
      String before = gifts.all().stream().filter(g -> g.id() == id).findFirst().map(GiftRule::toString).orElse(null);
      gifts.remove(id);
      audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, "gift-rule:" + id, before, null));
    });
  }

  private void rematch(ShopId shop) {
    List<ListingRow> rows = listings.ofShop(shop);
    if (rows.isEmpty()) {
      return;
    }
    List<ListingRow> matched = listingMatch.match(shop, rows, MatchProgress.NONE);
    tx.executeWithoutResult(s -> listings.saveMatches(matched));
  }

  private Shop shop(ShopId id) {
    return shops.find(id).orElseThrow(() -> new IllegalArgumentException("no shop with id " + id));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
