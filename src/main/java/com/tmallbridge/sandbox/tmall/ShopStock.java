package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The live stock of one shop: the quantity and held units of every stock position (a SKU, or an
 * item without SKUs), each item's and SKU's {@code modified}, and units sold. Item definitions
 * (titles, SKUs, merchant codes) never change; everything that moves lives here.
 *
 * <p>Stock moves with trades by the item's {@link StockMode}: {@link #reserve} on creation, {@link
 * #pay} on payment, {@link #release} when an unpaid trade closes. A quantity never goes below 0.
 * Positions are also kept in a Fenwick tree weighted by what a buyer can still take (quantity −
 * held, on-sale items only), so that generators pick a position in proportion to its available
 * stock in O(log n) and never pick one that is sold out.
 *
 * <p>Thread-safe: every method holds the instance's lock.
 */
final class ShopStock {

  /** A quantity change asked for by the gateway, already matched to a position of the item. */
  record Change(int position, long value, boolean incremental, boolean clampAtZero) {}

  private static final class ItemState {
    /** The item's fixed fields; replaced whole when the merchant re-codes its SKUs ({@link #recode}). */
    volatile SandboxItem base;
    final int firstSlot;
    final int slotCount;
    long modified;
    int sold;

    ItemState(SandboxItem base, int firstSlot, int slotCount) {
      this.base = base;
      this.firstSlot = firstSlot;
      this.slotCount = slotCount;
      this.modified = base.modified().getEpochSecond();
      this.sold = base.soldQuantity();
    }
  }

  private final Map<Long, ItemState> items = new LinkedHashMap<>();
  private final Map<Long, Integer> slotBySkuId = new HashMap<>();
  private final ItemState[] itemOfSlot;
  private final int[] quantity;
  private final int[] withHold;
  private final long[] skuModified;
  private final long[] weight;
  private final AvailabilityTree available;

  ShopStock(List<SandboxItem> catalog) {
    int slots = 0;
    for (SandboxItem item : catalog) {
      slots += Math.max(1, item.skus().size());
    }
    itemOfSlot = new ItemState[slots];
    quantity = new int[slots];
    withHold = new int[slots];
    skuModified = new long[slots];
    weight = new long[slots];
    available = new AvailabilityTree(slots);
    int slot = 0;
    for (SandboxItem item : catalog) {
      int count = Math.max(1, item.skus().size());
      ItemState state = new ItemState(item, slot, count);
      if (items.put(item.numIid(), state) != null) {
        throw new IllegalArgumentException("duplicate num_iid " + item.numIid());
      }
      for (int k = 0; k < count; k++) {
        itemOfSlot[slot + k] = state;
        if (item.skus().isEmpty()) {
          quantity[slot] = item.quantity();
          skuModified[slot] = state.modified;
        } else {
          SandboxSku sku = item.skus().get(k);
          slotBySkuId.put(sku.skuId(), slot + k);
          quantity[slot + k] = sku.quantity();
          skuModified[slot + k] = sku.modified().getEpochSecond();
        }
        refresh(slot + k);
      }
      slot += count;
    }
  }

  /** The item as it stands now (live quantities, held units, sold units, modified). */
  synchronized Optional<SandboxItem> item(long numIid) {
    ItemState state = items.get(numIid);
    return state == null ? Optional.empty() : Optional.of(snapshot(state));
  }

  /** Every item as it stands now, in catalog order. */
  synchronized List<SandboxItem> items() {
    List<SandboxItem> all = new ArrayList<>(items.size());
    items.values().forEach(state -> all.add(snapshot(state)));
    return all;
  }

  /**
   * The on-sale items as they stand now, in catalog order, for lists that show item fields only:
   * item-level figures are live, but the SKUs are the definitions (their quantities, held units and
   * {@code modified} are those of the catalog), which saves copying every SKU of a large catalog on
   * each {@code items.onsale.get} page.
   */
  synchronized List<SandboxItem> onSaleItemLevel() {
    List<SandboxItem> all = new ArrayList<>();
    for (ItemState state : items.values()) {
      if (state.base.onSale()) {
        all.add(snapshot(state, false));
      }
    }
    return all;
  }

  /** The item definition (SKUs, merchant codes), which never changes; empty when unknown. */
  Optional<SandboxItem> definition(long numIid) {
    ItemState state = items.get(numIid);
    return state == null ? Optional.empty() : Optional.of(state.base);
  }

  boolean contains(long numIid) {
    return items.containsKey(numIid);
  }

  /** Quantity of every position; {@code skuId ""} for items without SKUs. Catalog order. */
  synchronized Map<StockKey, Integer> quantities() {
    Map<StockKey, Integer> all = new LinkedHashMap<>();
    for (int slot = 0; slot < quantity.length; slot++) {
      all.put(key(slot), quantity[slot]);
    }
    return all;
  }

  /**
   * The quantity of one position.
   *
   * @throws IllegalArgumentException when the shop has no such position
   */
  synchronized int quantity(StockKey key) {
    return quantity[slot(key)];
  }

  /**
   * Sets quantities directly (test and benchmark setup), all or nothing. Moves {@code modified}.
   *
   * @throws IllegalArgumentException for an unknown position or a negative quantity
   */
  synchronized void setQuantities(Map<StockKey, Integer> quantities, Instant at) {
    Map<Integer, Integer> bySlot = new HashMap<>();
    quantities.forEach(
        (key, value) -> {
          if (value == null || value < 0) {
            throw new IllegalArgumentException("quantity of " + key + " must be >= 0");
          }
          bySlot.put(slot(key), value);
        });
    bySlot.forEach(
        (slot, value) -> {
          quantity[slot] = value;
          touch(slot, at);
          refresh(slot);
        });
  }

  /**
   * Picks a position to sell, in proportion to what buyers can still take of it; -1 when the shop
   * has nothing left to sell.
   */
  synchronized int pick(SplittableRandom random) {
    long total = available.total();
    return total <= 0 ? -1 : available.find(random.nextLong(total));
  }

  /**
   * A position of item {@code numIid}, picked in proportion to the units buyers can take of each of
   * its SKUs; -1 when none can be taken.
   */
  synchronized int pickOf(SplittableRandom random, long numIid) {
    ItemState state = items.get(numIid);
    if (state == null) {
      return -1;
    }
    long total = 0;
    for (int k = 0; k < state.slotCount; k++) {
      total += weight[state.firstSlot + k];
    }
    if (total <= 0) {
      return -1;
    }
    long target = random.nextLong(total);
    for (int k = 0; k < state.slotCount; k++) {
      target -= weight[state.firstSlot + k];
      if (target < 0) {
        return state.firstSlot + k;
      }
    }
    throw new IllegalStateException("weights changed during the pick");
  }

  /**
   * The merchant gives the SKUs of item {@code numIid} new merchant codes on Tmall (TOP
   * {@code outer_id}), as when a listing is re-coded: trades created from now on carry them; the
   * item's modified time moves to {@code at}. SKUs not in {@code codes} keep theirs.
   *
   * @return the item as it stands after the change
   * @throws IllegalArgumentException when the shop has no such item, or it has no SKUs
   */
  synchronized SandboxItem recode(long numIid, Map<Long, String> codes, Instant at) {
    ItemState state = items.get(numIid);
    if (state == null || state.base.skus().isEmpty()) {
      throw new IllegalArgumentException("no item with SKUs has num_iid " + numIid);
    }
    SandboxItem base = state.base;
    List<SandboxSku> skus = new ArrayList<>(base.skus().size());
    for (SandboxSku sku : base.skus()) {
      skus.add(new SandboxSku(sku.skuId(), codes.getOrDefault(sku.skuId(), sku.outerId()), sku.properties(), sku.propertiesName(),
          sku.priceFen(), sku.quantity(), sku.modified(), sku.withHoldQuantity()));
    }
    state.base = new SandboxItem(base.numIid(), base.title(), base.outerId(), base.cid(), base.priceFen(), base.quantity(),
        base.approveStatus(), base.listTime(), base.modified(), base.soldQuantity(), base.picUrl(), skus, base.stockMode(),
        base.withHoldQuantity());
    state.modified = Math.max(state.modified, at.getEpochSecond());
    return snapshot(state);
  }

  /** Units of the position a buyer can take now: quantity − held, 0 for items not on sale. */
  synchronized int available(int slot) {
    return (int) weight[slot];
  }

  SandboxItem itemOf(int slot) {
    return itemOfSlot[slot].base;
  }

  /** The SKU of the position, null for an item without SKUs. */
  @Nullable SandboxSku skuOf(int slot) {
    ItemState state = itemOfSlot[slot];
    return state.base.skus().isEmpty() ? null : state.base.skus().get(slot - state.firstSlot);
  }

  /**
   * A new trade takes its units: 拍下减库存 lines lower the quantity, 付款减库存 lines hold units. All or
   * nothing.
   *
   * @return false (and nothing changed) when a line wants more than buyers can take
   */
  synchronized boolean reserve(List<OrderLine> lines, Instant at) {
    Map<Integer, Integer> wanted = wanted(lines);
    for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
      if (weight[e.getKey()] < e.getValue()) {
        return false;
      }
    }
    wanted.forEach(
        (slot, units) -> {
          if (itemOfSlot[slot].base.stockMode() == StockMode.ON_CREATION) {
            quantity[slot] -= units;
            touch(slot, at);
          } else {
            withHold[slot] += units;
          }
          refresh(slot);
        });
    return true;
  }

  /**
   * The buyer pays: 付款减库存 lines now take their held units. All or nothing; every line counts
   * as sold.
   *
   * @return false (and nothing changed) when a 付款减库存 position no longer has the units, e.g.
   *     because the seller lowered it meanwhile: Tmall refuses such a payment
   */
  synchronized boolean pay(List<OrderLine> lines, Instant at) {
    Map<Integer, Integer> wanted = wanted(lines);
    for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
      int slot = e.getKey();
      if (itemOfSlot[slot].base.stockMode() == StockMode.ON_PAYMENT
          && quantity[slot] < e.getValue()) {
        return false;
      }
    }
    wanted.forEach(
        (slot, units) -> {
          if (itemOfSlot[slot].base.stockMode() == StockMode.ON_PAYMENT) {
            quantity[slot] -= units;
            withHold[slot] = Math.max(0, withHold[slot] - units);
            touch(slot, at);
          }
          itemOfSlot[slot].sold += units;
          refresh(slot);
        });
    return true;
  }

  /** An unpaid trade closes: 拍下减库存 units come back, 付款减库存 holds are released. */
  synchronized void release(List<OrderLine> lines, Instant at) {
    wanted(lines)
        .forEach(
            (slot, units) -> {
              if (itemOfSlot[slot].base.stockMode() == StockMode.ON_CREATION) {
                quantity[slot] = (int) Math.min(Integer.MAX_VALUE, (long) quantity[slot] + units);
                touch(slot, at);
              } else {
                withHold[slot] = Math.max(0, withHold[slot] - units);
              }
              refresh(slot);
            });
  }

  /**
   * Applies quantity changes to positions of one item, all or nothing, and returns the item as it
   * stands afterwards. A full change sets the quantity; an incremental one adds to it and, below
   * zero, clamps at 0 or fails as the change says.
   *
   * @throws TopError when an incremental change without clamping would go below 0, or a result
   *     exceeds the largest quantity
   * @throws IllegalArgumentException when the item is unknown
   */
  synchronized SandboxItem apply(
      long numIid, List<Change> changes, Instant at, String parameter, String failureSubCode) {
    ItemState state = items.get(numIid);
    if (state == null) {
      throw new IllegalArgumentException("no item " + numIid);
    }
    int[] results = new int[changes.size()];
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      int slot = state.firstSlot + change.position();
      long result = change.incremental() ? quantity[slot] + change.value() : change.value();
      if (result < 0 && !change.clampAtZero()) {
        throw TopError.of(
            15,
            "Remote service error",
            failureSubCode,
            "stock of "
                + key(slot)
                + " is "
                + quantity[slot]
                + ", an increment of "
                + change.value()
                + " would take it below 0");
      }
      if (result > Integer.MAX_VALUE) {
        throw TopError.invalidArgument(
            parameter, "the resulting quantity " + result + " is larger than " + Integer.MAX_VALUE);
      }
      results[i] = (int) Math.max(0, result);
    }
    for (int i = 0; i < changes.size(); i++) {
      int slot = state.firstSlot + changes.get(i).position();
      quantity[slot] = results[i];
      touch(slot, at);
      refresh(slot);
    }
    return snapshot(state);
  }

  private Map<Integer, Integer> wanted(List<OrderLine> lines) {
    Map<Integer, Integer> wanted = new LinkedHashMap<>();
    for (OrderLine line : lines) {
      wanted.merge(slot(line.numIid(), line.skuId()), line.num(), Integer::sum);
    }
    return wanted;
  }

  private int slot(StockKey key) {
    Long skuId = null;
    if (!key.itemLevel()) {
      try {
        skuId = Long.parseLong(key.skuId());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("no stock position " + key, e);
      }
    }
    return slot(key.numIid(), skuId);
  }

  private int slot(long numIid, @Nullable Long skuId) {
    ItemState state = items.get(numIid);
    if (state == null) {
      throw new IllegalArgumentException("no item " + numIid + " in this shop");
    }
    if (skuId == null) {
      if (!state.base.skus().isEmpty()) {
        throw new IllegalArgumentException("item " + numIid + " has SKUs: name one");
      }
      return state.firstSlot;
    }
    Integer slot = slotBySkuId.get(skuId);
    if (slot == null || itemOfSlot[slot] != state) {
      throw new IllegalArgumentException("item " + numIid + " has no SKU " + skuId);
    }
    return slot;
  }

  private StockKey key(int slot) {
    SandboxSku sku = skuOf(slot);
    return StockKey.of(itemOfSlot[slot].base.numIid(), sku == null ? null : sku.skuId());
  }

  private void touch(int slot, Instant at) {
    long second = at.getEpochSecond();
    ItemState state = itemOfSlot[slot];
    state.modified = Math.max(state.modified, second);
    skuModified[slot] = Math.max(skuModified[slot], second);
  }

  private void refresh(int slot) {
    long now =
        itemOfSlot[slot].base.onSale() ? Math.max(0, (long) quantity[slot] - withHold[slot]) : 0;
    available.add(slot, now - weight[slot]);
    weight[slot] = now;
  }

  private SandboxItem snapshot(ItemState state) {
    return snapshot(state, true);
  }

  private SandboxItem snapshot(ItemState state, boolean liveSkus) {
    SandboxItem base = state.base;
    long total = 0;
    int held = 0;
    List<SandboxSku> skus = new ArrayList<>(base.skus().size());
    for (int k = 0; k < state.slotCount; k++) {
      int slot = state.firstSlot + k;
      total += quantity[slot];
      held += withHold[slot];
      if (liveSkus && !base.skus().isEmpty()) {
        SandboxSku sku = base.skus().get(k);
        skus.add(
            new SandboxSku(
                sku.skuId(),
                sku.outerId(),
                sku.properties(),
                sku.propertiesName(),
                sku.priceFen(),
                quantity[slot],
                Instant.ofEpochSecond(skuModified[slot]),
                withHold[slot]));
      }
    }
    return new SandboxItem(
        base.numIid(),
        base.title(),
        base.outerId(),
        base.cid(),
        base.priceFen(),
        (int) Math.min(Integer.MAX_VALUE, total),
        base.approveStatus(),
        base.listTime(),
        Instant.ofEpochSecond(state.modified),
        state.sold,
        base.picUrl(),
        liveSkus ? skus : base.skus(),
        base.stockMode(),
        held);
  }

  /** A Fenwick tree of non-negative weights: point updates, total and weighted search. */
  private static final class AvailabilityTree {
    private final long[] tree;
    private long total;

    AvailabilityTree(int size) {
      tree = new long[size + 1];
    }

    void add(int index, long delta) {
      if (delta == 0) {
        return;
      }
      total += delta;
      for (int i = index + 1; i < tree.length; i += i & -i) {
        tree[i] += delta;
      }
    }

    long total() {
      return total;
    }

    /** The index whose cumulative range contains {@code target} (0 ≤ target < total). */
    int find(long target) {
      int position = 0;
      long remaining = target;
      for (int step = Integer.highestOneBit(Math.max(1, tree.length - 1)); step > 0; step >>= 1) {
        int next = position + step;
        if (next < tree.length && tree[next] <= remaining) {
          position = next;
          remaining -= tree[next];
        }
      }
      return position;
    }
  }
}
