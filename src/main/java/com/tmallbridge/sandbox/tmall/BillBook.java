package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The shop's settlement lines (账单明细), generated from its trades, and the money faults injected
 * into them. Thread-safe.
 *
 * <p>When a trade reaches {@code TRADE_FINISHED} (the buyer confirmed), each sub-order gets, with
 * {@code biz_time} = the finish time:
 *
 * <ul>
 *   <li>an income line on the trade account (type 2): the sub-order's share of what the buyer paid
 *       ({@code divide_order_fee}) minus what was refunded on it before the trade finished;
 *   <li>a commission line (type 3) of {@value #COMMISSION_BP} basis points (5.0%) of that income,
 *       a Tmall points line (type 5) of {@value #POINTS_BP} (0.5%) and a software service fee line
 *       (技术服务费, type 4) of {@value #SERVICE_FEE_BP} (1.0%), each rounded half-up to the fen.
 * </ul>
 *
 * and the trade gets one post-fee line on the trade account without {@code order_id}. Every amount
 * is positive on its account as TOP shows it (fees are positive on their fee accounts); lines of 0
 * fen are not written. A money refund that succeeds <em>after</em> the trade finished adds a
 * negative line on the trade account (the refunded amount, {@code biz_time} = the refund's success,
 * paid at once); fees are not given back.
 *
 * <p>Settlement: a seeded {@value #UNSETTLED_PERCENT}% of finished trades stay unsettled (status
 * 0, no {@code pay_time}); the others are paid between 5 seconds and a day after finishing
 * (log-uniform; for trades finishing live the day can be shortened, see {@link
 * SandboxShop#buyersConfirmReceipt}). A line shows status 0 until its pay time has come. For trades generated as history the delay is squeezed into the time between the
 * finish and the generation, so history is settled by now, like the trades' own events.
 */
final class BillBook implements TradeStore.TradeObserver {
  static final long COMMISSION_BP = 500;
  static final long POINTS_BP = 50;
  static final long SERVICE_FEE_BP = 100;
  /** The commission an injected fee fault charges (12%). */
  static final long FAULT_COMMISSION_BP = 1_200;
  static final int UNSETTLED_PERCENT = 9;
  private static final long MIN_DELAY_SECONDS = 5;
  private static final long MAX_DELAY_SECONDS = 86_400;

  private final int shopIndex;
  private final long seed;
  private final Clock clock;
  private final TreeMap<Long, BillLine> lines = new TreeMap<>();
  private final List<SandboxMoneyFault> faults = new ArrayList<>();
  private final SplittableRandom faultRandom;
  private volatile Duration settleWithin = Duration.ofSeconds(MAX_DELAY_SECONDS);
  private long nextBid;
  private long nextUnknownTid;

  BillBook(int shopIndex, long seed, Clock clock) {
    this.shopIndex = shopIndex;
    this.seed = seed;
    this.clock = clock;
    this.nextBid = 7_000_000_000_000L + shopIndex * 10_000_000_000L + 1;
    this.nextUnknownTid = 9_100_000_000_000_000L + shopIndex * 1_000_000_000L + 1;
    this.faultRandom = new SplittableRandom(seed ^ 0xB1_11_5EEDL);
  }

  /** The fee account lines of a finished trade, from {@link BillAccount}. */
  long account(int type) {
    return BillAccount.id(shopIndex, type);
  }

  @Override
  public synchronized void changed(@Nullable TradeRecord before, TradeRecord after, boolean live) {
    if (after.status() != TradeStatus.TRADE_FINISHED) {
      return;
    }
    if (before == null || before.status() != TradeStatus.TRADE_FINISHED) {
      finished(after, live);
    } else {
      refundedAfterFinish(before, after);
    }
  }

  /** Lines of a trade that just finished (or arrives finished, as generated history does). */
  private void finished(TradeRecord trade, boolean live) {
    Instant finish = trade.times().endTime();
    if (finish == null) {
      return;
    }
    SplittableRandom random = new SplittableRandom(seed ^ (trade.tid() * 0x9E37_79B9_7F4A_7C15L));
    Instant payTime = random.nextInt(100) < UNSETTLED_PERCENT ? null : payTime(random, finish, live);
    long payment = trade.paymentFen();
    for (OrderLine line : trade.lines()) {
      LineState state = trade.lineState(line.oid());
      long laterRefund = refundAfter(state, finish);
      long income = line.divideOrderFeeFen() - (state.refundedFen() - laterRefund);
      long tid = trade.tid();
      add(BillAccount.TRADE, tid, line.oid(), line.numIid(), income, payment, finish, payTime, "交易收款 " + tid);
      add(BillAccount.COMMISSION, tid, line.oid(), line.numIid(), fee(income, COMMISSION_BP), payment, finish, payTime,
          "天猫佣金（类目）" + tid);
      add(BillAccount.POINTS, tid, line.oid(), line.numIid(), fee(income, POINTS_BP), payment, finish, payTime,
          "天猫积分 " + tid);
      add(BillAccount.SERVICE_FEE, tid, line.oid(), line.numIid(), fee(income, SERVICE_FEE_BP), payment, finish, payTime,
          "技术服务费 " + tid);
      if (laterRefund > 0) {
        Instant refunded = state.refund().modified();
        add(BillAccount.TRADE, tid, line.oid(), line.numIid(), -laterRefund, payment, refunded, refunded, "售后退款 " + tid);
      }
    }
    add(BillAccount.TRADE, trade.tid(), null, null, trade.charges().postFeeFen(), payment, finish, payTime,
        "运费 " + trade.tid());
  }

  /** A money refund of a finished trade's sub-order succeeded: a negative line, paid at once. */
  private void refundedAfterFinish(TradeRecord before, TradeRecord after) {
    Instant at = after.times().modified();
    for (OrderLine line : after.lines()) {
      long delta = after.lineState(line.oid()).refundedFen() - before.lineState(line.oid()).refundedFen();
      if (delta > 0) {
        add(BillAccount.TRADE, after.tid(), line.oid(), line.numIid(), -delta, after.paymentFen(), at, at,
            "售后退款 " + after.tid());
      }
    }
  }

  /** What the sub-order's current case refunded after {@code finish} (generated history applies it before we see it). */
  private static long refundAfter(LineState state, Instant finish) {
    RefundRecord refund = state.refund();
    if (refund != null && refund.status() == RefundStatus.SUCCESS && refund.refundsMoney()
        && refund.modified().isAfter(finish)) {
      return Math.min(refund.refundFeeFen(), state.refundedFen());
    }
    return 0;
  }

  /** Trades finishing live from now on are settled within {@code within} (default one day). */
  void settleWithin(Duration within) {
    if (within.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("settlement needs at least 1 s, got " + within);
    }
    settleWithin = within;
  }

  private Instant payTime(SplittableRandom random, Instant finish, boolean live) {
    long max = live ? Math.min(MAX_DELAY_SECONDS, settleWithin.getSeconds()) : MAX_DELAY_SECONDS;
    double logMin = Math.log(Math.min(MIN_DELAY_SECONDS, max));
    double logMax = Math.log(max);
    long delay = Math.round(Math.exp(logMin + random.nextDouble() * (logMax - logMin)));
    if (!live) {
      long room = Math.max(0, Duration.between(finish, clock.instant()).getSeconds());
      if (room < MAX_DELAY_SECONDS) {
        delay = delay * room / MAX_DELAY_SECONDS;
      }
    }
    return TopTime.seconds(finish.plusSeconds(delay));
  }

  /** {@code bp} basis points of {@code income}, rounded half-up to the fen. */
  static long fee(long income, long bp) {
    return income <= 0 ? 0 : (income * bp + 5_000) / 10_000;
  }

  private @Nullable BillLine add(int type, @Nullable Long tid, @Nullable Long oid, @Nullable Long numIid, long amountFen,
      long totalFen, Instant bizTime, @Nullable Instant payTime, String notice) {
    if (amountFen == 0) {
      return null;
    }
    BillLine line = new BillLine(nextBid++, account(type), type, tid, oid, numIid, amountFen, totalFen,
        TopTime.seconds(bizTime), payTime == null ? null : TopTime.seconds(payTime), notice);
    lines.put(line.bid(), line);
    return line;
  }

  /**
   * Charges 12% commission on a finished trade: per sub-order an extra commission line of the
   * difference to the 5.0% already charged, dated and paid now.
   *
   * @throws IllegalStateException when the trade is not finished, has no income lines or already
   *     pays 12%
   */
  synchronized SandboxMoneyFault feeOutOfRate(TradeRecord trade) {
    if (trade.status() != TradeStatus.TRADE_FINISHED) {
      throw new IllegalStateException("trade " + trade.tid() + " is " + trade.status() + ", not TRADE_FINISHED");
    }
    Instant now = TopTime.seconds(clock.instant());
    List<Long> added = new ArrayList<>();
    long extra = 0;
    for (OrderLine line : trade.lines()) {
      long income = 0;
      long commission = 0;
      for (BillLine bill : lines.values()) {
        if (bill.tid() != null && bill.tid() == trade.tid() && bill.oid() != null && bill.oid() == line.oid()) {
          if (bill.accountType() == BillAccount.TRADE && bill.amountFen() > 0) {
            income += bill.amountFen();
          } else if (bill.accountType() == BillAccount.COMMISSION) {
            commission += bill.amountFen();
          }
        }
      }
      long more = fee(income, FAULT_COMMISSION_BP) - commission;
      BillLine bill = more > 0
          ? add(BillAccount.COMMISSION, trade.tid(), line.oid(), line.numIid(), more, trade.paymentFen(), now, now,
              "天猫佣金（补扣）" + trade.tid())
          : null;
      if (bill != null) {
        added.add(bill.bid());
        extra += more;
      }
    }
    if (added.isEmpty()) {
      throw new IllegalStateException(
          "trade " + trade.tid() + " has no commission left to raise to 12% (no income, or the fault was injected already)");
    }
    SandboxMoneyFault fault =
        new SandboxMoneyFault(SandboxMoneyFault.Kind.FEE_OUT_OF_RATE, trade.tid(), extra, added, now);
    faults.add(fault);
    return fault;
  }

  /**
   * A settled income line (trade account, with a sub-order id) for a tid the shop does not have,
   * 10 to 500 yuan, dated and paid now.
   *
   * @param taken whether the shop has a trade with this tid
   */
  synchronized SandboxMoneyFault unknownTradeSettlement(java.util.function.LongPredicate taken) {
    long tid = nextUnknownTid++;
    while (taken.test(tid)) {
      tid = nextUnknownTid++;
    }
    Instant now = TopTime.seconds(clock.instant());
    long amount = 1_000 + faultRandom.nextLong(49_001);
    BillLine bill = add(BillAccount.TRADE, tid, tid, null, amount, amount, now, now, "交易收款 " + tid);
    SandboxMoneyFault fault = new SandboxMoneyFault(
        SandboxMoneyFault.Kind.UNKNOWN_TRADE_SETTLEMENT, tid, amount, List.of(bill.bid()), now);
    faults.add(fault);
    return fault;
  }

  synchronized List<SandboxMoneyFault> faults() {
    return List.copyOf(faults);
  }

  /** Every line, by bid. */
  synchronized List<BillLine> all() {
    return List.copyOf(lines.values());
  }

  /**
   * The lines matching a query at {@code now}, sorted by the query's time newest first (then bid
   * newest first), and how many matched in all.
   */
  synchronized Page query(Query query, Instant now) {
    List<BillLine> matched = new ArrayList<>();
    for (BillLine line : lines.values()) {
      if (query.matches(line, now)) {
        matched.add(line);
      }
    }
    Comparator<BillLine> byTime = Comparator.comparing(line -> query.time(line, now));
    matched.sort(byTime.thenComparingLong(BillLine::bid).reversed());
    int from = (int) Math.min(query.offset(), matched.size());
    int to = (int) Math.min((long) from + query.limit(), matched.size());
    return new Page(matched.size(), List.copyOf(matched.subList(from, to)));
  }

  /**
   * A bills.get filter.
   *
   * @param byPayTime true for time_type 2 (pay_time; unpaid lines never match), false for 1 (biz_time)
   * @param from inclusive, second precision
   * @param to inclusive, second precision
   */
  record Query(boolean byPayTime, Instant from, Instant to, @Nullable Long tid, @Nullable Long oid,
      @Nullable Long accountId, long offset, int limit) {

    boolean matches(BillLine line, Instant now) {
      Instant time = time(line, now);
      return time != null && !time.isBefore(from) && !time.isAfter(to)
          && (tid == null || tid.equals(line.tid()))
          && (oid == null || oid.equals(line.oid()))
          && (accountId == null || accountId == line.accountId());
    }

    @Nullable Instant time(BillLine line, Instant now) {
      return byPayTime ? line.payTimeAt(now) : line.bizTime();
    }
  }

  /** One page and the uncapped number of matching lines. */
  record Page(int total, List<BillLine> lines) {}
}
