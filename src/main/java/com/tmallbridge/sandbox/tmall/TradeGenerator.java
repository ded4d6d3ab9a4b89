package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.core.Apportionment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Creates new unpaid trades over the shop's items in stock: 1–4 sub-orders, each on a SKU picked in
 * proportion to the units buyers can still take and never for more units than that, item promotions, rare manual
 * adjustments, post fees on some trades and shop coupons ({@code 满199减20} …) apportioned over the
 * sub-orders by largest remainder. Tids grow with each trade created (each shop of a sandbox has its
 * own tid range); single-order trades use the tid as oid, as TOP does. Creating a trade does not
 * take its stock: the caller {@link ShopStock#reserve reserves} it. Not thread-safe: callers
 * serialise access.
 */
final class TradeGenerator {
  private static final long TID_BASE = 3_700_000_000_000_000_000L;
  private static final long TID_STRIDE = 10_000;
  private static final long[][] COUPONS = {{39_900, 5_000}, {29_900, 3_000}, {19_900, 2_000}};
  private static final String[] MESSAGES = {
    "请尽快发货", "周末送货，谢谢", "不要放发票", "送人的，请不要放价格单", "麻烦帮忙检查一下质量", "请用顺丰发货"
  };
  private static final long[] POST_FEES = {600, 800, 1_000, 1_200, 1_500};

  private static final long SHOP_TID_RANGE = 100_000_000_000_000L;

  private final ShopStock stock;
  private final long tidBase;
  private final BuyerFactory buyers = new BuyerFactory();
  private final Map<Long, String> skuNames = new HashMap<>();
  private long sequence;

  /** The generator of shop {@code shopIndex} (0 = default shop) selling from {@code stock}. */
  TradeGenerator(ShopStock stock, int shopIndex) {
    this.stock = stock;
    this.tidBase = TID_BASE + shopIndex * SHOP_TID_RANGE;
  }

  /**
   * A new trade in {@code WAIT_BUYER_PAY}, created at the given time; null when the shop has
   * nothing left in stock.
   */
  @Nullable TradeRecord newTrade(SplittableRandom random, Instant created, TradeType type) {
    return newTrade(random, created, type, null);
  }

  /**
   * As {@link #newTrade(SplittableRandom, Instant, TradeType)}; with {@code onlyItem} a trade of one
   * sub-order on a SKU of that item, null when none of its SKUs can be taken.
   */
  @Nullable TradeRecord newTrade(SplittableRandom random, Instant created, TradeType type, @Nullable Long onlyItem) {
    long tid = tidBase + (sequence + 1) * TID_STRIDE + random.nextInt((int) (TID_STRIDE / 2));
    List<OrderLine> lines = onlyItem == null ? lines(random, tid) : lineOf(random, tid, onlyItem);
    if (lines.isEmpty()) {
      return null;
    }
    sequence++;
    long ordersPayment = lines.stream().mapToLong(OrderLine::paymentFen).sum();
    TradeCharges charges = charges(random, ordersPayment);
    lines = apportion(lines, charges.discountFeeFen());
    String message = random.nextInt(100) < 15 ? MESSAGES[random.nextInt(MESSAGES.length)] : null;
    return new TradeRecord(
        tid,
        type,
        TradeStatus.WAIT_BUYER_PAY,
        TradeTimes.createdAt(created),
        buyers.buyer(random),
        new TradeNotes(message, null, 0),
        charges,
        charges.postFeeFen() == 0 ? "free" : "express",
        tradeFrom(random),
        null,
        null,
        lines);
  }

  private List<OrderLine> lines(SplittableRandom random, long tid) {
    int roll = random.nextInt(100);
    int count = roll < 70 ? 1 : roll < 90 ? 2 : roll < 97 ? 3 : 4;
    List<OrderLine> lines = new ArrayList<>(count);
    Set<Integer> chosen = new HashSet<>();
    for (int attempt = 0; lines.size() < count && attempt < count * 5; attempt++) {
      int position = stock.pick(random);
      if (position < 0) {
        break;
      }
      int available = stock.available(position);
      if (available > 0 && chosen.add(position)) {
        long oid = count == 1 ? tid : tid + TID_STRIDE / 2 + lines.size() + 1;
        lines.add(
            line(random, oid, stock.itemOf(position), stock.skuOf(position), available));
      }
    }
    if (lines.size() == 1 && count > 1) {
      lines.set(0, lines.get(0).withOid(tid));
    }
    return lines;
  }

  private List<OrderLine> lineOf(SplittableRandom random, long tid, long numIid) {
    int position = stock.pickOf(random, numIid);
    if (position < 0) {
      return List.of();
    }
    return List.of(line(random, tid, stock.itemOf(position), stock.skuOf(position), stock.available(position)));
  }

  private OrderLine line(
      SplittableRandom random,
      long oid,
      SandboxItem item,
      @Nullable SandboxSku sku,
      int available) {
    int roll = random.nextInt(100);
    int num = Math.min(available, roll < 75 ? 1 : roll < 93 ? 2 : 3 + random.nextInt(3));
    long price = sku == null ? item.priceFen() : sku.priceFen();
    long gross = price * num;
    long discount = 0;
    if (random.nextInt(100) < 35 && gross > 1_000) {
      discount = Math.max(100, gross * (5 + 5 * random.nextInt(4)) / 100 / 100 * 100);
    }
    long adjust = 0;
    if (random.nextInt(100) < 3) {
      adjust = -Math.min(100L * (1 + random.nextInt(10)), gross - discount - 100);
    }
    return new OrderLine(
        oid,
        item.numIid(),
        sku == null ? null : sku.skuId(),
        item.title(),
        sku == null ? null : skuNames.computeIfAbsent(sku.skuId(), id -> sku.displayName()),
        item.outerId(),
        sku == null ? null : sku.outerId(),
        item.cid(),
        item.picUrl(),
        num,
        price,
        Math.min(0, adjust),
        discount,
        0);
  }

  private static TradeCharges charges(SplittableRandom random, long ordersPayment) {
    long postFee = random.nextInt(100) < 15 ? POST_FEES[random.nextInt(POST_FEES.length)] : 0;
    if (random.nextInt(100) < 35) {
      for (long[] coupon : COUPONS) {
        if (ordersPayment >= coupon[0]) {
          String name = "满" + coupon[0] / 100 + "减" + coupon[1] / 100;
          return new TradeCharges(postFee, coupon[1], name);
        }
      }
      if (ordersPayment >= 5_000) {
        return new TradeCharges(postFee, 1_000, "店铺优惠券10元");
      }
    }
    return new TradeCharges(postFee, 0, null);
  }

  /** Spreads the trade discount over the lines so that their divide_order_fee adds up exactly. */
  private static List<OrderLine> apportion(List<OrderLine> lines, long discount) {
    long[] weights = lines.stream().mapToLong(OrderLine::paymentFen).toArray();
    long[] shares = Apportionment.byLargestRemainder(discount, weights);
    List<OrderLine> divided = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      divided.add(line.withDivideOrderFee(line.paymentFen() - shares[i]));
    }
    return divided;
  }

  private static String tradeFrom(SplittableRandom random) {
    int roll = random.nextInt(10);
    return roll < 7 ? "WAP,WAP" : roll < 9 ? "TAOBAO" : "JHS,WAP";
  }
}
