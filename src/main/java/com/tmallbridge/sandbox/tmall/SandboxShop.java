package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongPredicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One seller of the sandbox: its credentials (the sandbox's app key and secret, its own session key
 * and nick), its catalog with live stock, its trades and their generators, its parcels and
 * after-sale cases. Gateway calls with this shop's session see only this shop's items, trades and
 * refunds, and ship only this shop's trades. Every live change of a trade is published to the
 * sandbox's one TMC hub under this shop's seller nick and user id, for as long as the seller is
 * permitted ({@link #tmcPermit()} or {@code taobao.tmc.user.permit} with this shop's session).
 *
 * <p>Thread-safe.
 */
public final class SandboxShop {
  /**
   * Methods TOP serves per app rather than per seller; they may be called without a session and
   * act the same for every shop (the logistics company list, the category tree, and TMC's user get/cancel, consume and
   * confirm on the app's queues).
   */
  static final List<String> APP_METHODS =
      List.of(
          "taobao.logistics.companies.get",
          "taobao.itemcats.get",
          "taobao.tmc.user.get",
          "taobao.tmc.user.cancel",
          "taobao.tmc.messages.consume",
          "taobao.tmc.messages.confirm");

  private final int index;
  private final Shop shop;
  private final CatalogSpec catalog;
  private final Clock clock;
  private final PaymentMoments payments;
  private final ShopStock stock;
  private final TradeStore store = new TradeStore();
  private final ScenarioGenerator scenarios;
  private final StockMethods stockMethods;
  private final RefundIndex refunds = new RefundIndex();
  private final AfterSaleDesk afterSale;
  private final TmcHub tmc;
  private final BillBook bills;
  private final ScheduledExecutorService scheduler;
  private volatile @Nullable Duration confirmAfter;
  private final Map<String, ApiMethod> methods;

  SandboxShop(
      int index,
      Shop shop,
      CatalogSpec catalog,
      SandboxConfig config,
      FaultInjector faults,
      ScheduledExecutorService scheduler,
      LongPredicate ownedByAnotherSeller,
      TmcHub tmc) {
    this.index = index;
    this.shop = shop;
    this.catalog = catalog;
    this.clock = config.clock();
    this.payments = new PaymentMoments(clock);
    this.tmc = tmc;
    this.stock = new ShopStock(shop.items());
    long seed = index == 0 ? config.seed() : config.seed() ^ (0x5_40_9L * index);
    this.scenarios =
        new ScenarioGenerator(new TradeGenerator(stock, index), stock, store, config, scheduler, seed);
    this.stockMethods = new StockMethods(stock, ownedByAnotherSeller, clock);
    this.afterSale = new AfterSaleDesk(store, refunds, clock, scheduler, seed);
    String nick = shop.credentials().sellerNick();
    // Order matters: the desk reads the refund index when it moves a case on.
    store.observe(refunds);
    store.observe(afterSale);
    store.observe(payments);
    store.observe(new TmcEvents(tmc, nick));
    this.bills = new BillBook(index, seed, clock);
    this.scheduler = scheduler;
    store.observe(bills);
    store.observe(this::scheduleConfirmation);
    TradeJsonWriter tradeWriter = new TradeJsonWriter(nick);
    ItemMethods items = new ItemMethods(stock, ownedByAnotherSeller, new ItemJsonWriter(nick));
    LogisticsMethods logistics = new LogisticsMethods(store, clock);
    RefundMethods refundMethods = new RefundMethods(refunds, store, new RefundJsonWriter(nick));
    TmcMethods tmcMethods = new TmcMethods(tmc, shop.credentials());
    BillMethods billMethods =
        new BillMethods(bills, BillAccount.of(index), new BillJsonWriter(nick, TmcHub.userId(nick)), clock);
    Map<String, ApiMethod> all = new HashMap<>();
    all.put(
        "taobao.trades.sold.increment.get",
        TradeListMethod.increment(store, tradeWriter, clock, faults));
    all.put("taobao.trades.sold.get", TradeListMethod.sold(store, tradeWriter, clock, faults));
    all.put("taobao.trade.fullinfo.get", new TradeFullinfoMethod(store, tradeWriter));
    all.put("taobao.items.onsale.get", items::onsale);
    all.put("taobao.item.seller.get", items::sellerGet);
    all.put("taobao.items.seller.list.get", items::sellerListGet);
    all.put("taobao.skus.quantity.update", stockMethods::skusQuantityUpdate);
    all.put("taobao.item.quantity.update", stockMethods::itemQuantityUpdate);
    all.put("taobao.logistics.companies.get", logistics::companies);
    all.put("taobao.logistics.offline.send", logistics::offlineSend);
    all.put("taobao.refunds.receive.get", refundMethods::receiveGet);
    all.put("taobao.refund.get", refundMethods::get);
    all.put("taobao.tmc.user.permit", tmcMethods::permit);
    all.put("taobao.tmc.user.get", tmcMethods::userGet);
    all.put("taobao.tmc.user.cancel", tmcMethods::cancel);
    all.put("taobao.tmc.messages.consume", tmcMethods::consume);
    all.put("taobao.tmc.messages.confirm", tmcMethods::confirm);
    all.put("taobao.bill.accounts.get", billMethods::accountsGet);
    all.put("taobao.bill.bills.get", billMethods::billsGet);
    all.put("taobao.bill.book.bills.get", billMethods::bookBillsGet);
    all.put("taobao.itemcats.get", new ItemCatMethods()::get);
    this.methods = Map.copyOf(all);
  }

  /** The methods every shop serves (including {@link #APP_METHODS}). */
  static List<String> methodNames() {
    return List.of(
        "taobao.trades.sold.increment.get",
        "taobao.trades.sold.get",
        "taobao.trade.fullinfo.get",
        "taobao.items.onsale.get",
        "taobao.item.seller.get",
        "taobao.items.seller.list.get",
        "taobao.skus.quantity.update",
        "taobao.item.quantity.update",
        "taobao.logistics.companies.get",
        "taobao.logistics.offline.send",
        "taobao.refunds.receive.get",
        "taobao.refund.get",
        "taobao.tmc.user.permit",
        "taobao.tmc.user.get",
        "taobao.tmc.user.cancel",
        "taobao.tmc.messages.consume",
        "taobao.tmc.messages.confirm",
        "taobao.bill.accounts.get",
        "taobao.bill.bills.get",
        "taobao.bill.book.bills.get",
        "taobao.itemcats.get");
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

  /** The seller's numeric user id, as TMC messages carry it ({@code user_id}). */
  public long sellerUserId() {
    return TmcHub.userId(sellerNick());
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
   * The moment a live trade was paid at the sandbox clock's precision (milliseconds), for latency
   * probes: {@link SandboxTrade#payTime()} is at second precision, as TOP shows it. Empty for
   * generated history and for trades not paid.
   */
  public Optional<Instant> paidAt(long tid) {
    return Optional.ofNullable(payments.paidAt(tid));
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
   * A live paid peak: {@code n} trades created evenly over {@code span}, each paid one to two
   * seconds after it was created (so about {@code n / span} payments a second).
   */
  public LiveRun generateLivePaid(int n, Duration span) {
    return scenarios.livePaid(n, span);
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

  /**
   * Trades of one sub-order on a SKU of item {@code numIid}: {@code n} created evenly over
   * {@code span}, each paid one to two seconds later.
   */
  public LiveRun generateLivePaidOf(long numIid, int n, Duration span) {
    return scenarios.livePaidOf(numIid, n, span);
  }

  /**
   * The merchant re-codes item {@code numIid} on Tmall: each SKU that has a merchant code gets
   * {@code recode.apply(old)}; trades created from now on carry the new codes.
   *
   * @return the item after the change
   * @throws IllegalArgumentException when the shop has no such item with SKUs
   */
  public SandboxItem recodeSkus(long numIid, UnaryOperator<String> recode) {
    SandboxItem item = stock.item(numIid).orElseThrow(() -> new IllegalArgumentException("no item " + numIid));
    Map<Long, String> codes = new HashMap<>();
    for (SandboxSku sku : item.skus()) {
      if (sku.outerId() != null) {
        codes.put(sku.skuId(), recode.apply(sku.outerId()));
      }
    }
    return stock.recode(numIid, codes, clock.instant());
  }

  // ---- shipments, after-sale and TMC ----

  /** The parcels a trade shipped in, in shipping order; empty for an unknown or unshipped trade. */
  public List<SandboxParcel> parcels(long tid) {
    return store
        .get(tid)
        .map(t -> t.parcels().stream().map(p -> p.view(tid)).toList())
        .orElse(List.of());
  }

  /** Every after-sale case this shop ever had, in its latest state, newest modification first. */
  public List<SandboxRefund> refunds() {
    return refunds.all().stream().map(RefundRecord::view).toList();
  }

  public Optional<SandboxRefund> refund(long refundId) {
    return refunds.get(refundId).map(RefundRecord::view);
  }

  /**
   * The buyer opens an after-sale case on sub-order {@code oid} of trade {@code tid}: before it
   * shipped only {@link RefundKind#REFUND_ONLY} ({@code onsale}), afterwards any kind ({@code
   * aftersale}). Stock does not move (see {@link ScenarioGenerator}): not when the case opens and
   * not when it succeeds.
   *
   * @param feeFen refund asked for in fen, at most what was paid for the sub-order less earlier
   *     refunds; null for all of it (ignored for exchanges, which refund nothing)
   * @throws IllegalArgumentException for an unknown trade or sub-order (of this shop) or a fee out
   *     of range
   * @throws IllegalStateException when the trade or sub-order cannot take a case now
   */
  public SandboxRefund openRefund(
      long tid, long oid, RefundKind kind, @Nullable Long feeFen, String reason) {
    return afterSale.open(tid, oid, kind, feeFen, reason);
  }

  /**
   * The seller agrees: a refund without return succeeds, a return waits for the goods.
   *
   * @throws IllegalArgumentException when this shop has no such case
   * @throws IllegalStateException when the case cannot take this step now
   */
  public SandboxRefund agreeRefund(long refundId) {
    return afterSale.step(refundId, RefundAction.AGREE);
  }

  /** The seller refuses a case waiting for agreement. */
  public SandboxRefund refuseRefund(long refundId) {
    return afterSale.step(refundId, RefundAction.REFUSE);
  }

  /** The buyer sends the goods back with this carrier name and tracking number. */
  public SandboxRefund returnGoods(long refundId, String carrierName, String trackingNo) {
    return afterSale.step(refundId, RefundAction.returnGoods(carrierName, trackingNo));
  }

  /** The seller confirms the returned goods arrived: the case succeeds. */
  public SandboxRefund confirmReturn(long refundId) {
    return afterSale.step(refundId, RefundAction.CONFIRM_GOODS);
  }

  /** The buyer withdraws the case. */
  public SandboxRefund closeRefund(long refundId) {
    return afterSale.step(refundId, RefundAction.CLOSE);
  }

  /** The buyer moves the delivery address (to a random one); only before the trade fully shipped. */
  public void changeAddress(long tid) {
    afterSale.changeAddress(tid);
  }

  /** The seller writes a memo and sets a flag (0..5). */
  public void changeMemo(long tid, String memo, int flag) {
    afterSale.changeMemo(tid, memo, flag);
  }

  /**
   * Random after-sale traffic on this shop's paid trades at about {@code perSecond} actions a
   * second (open, agree, refuse, return, confirm, close, address and memo changes); 0 stops it.
   */
  public void randomAfterSale(double perSecond) {
    afterSale.random(perSecond);
  }

  /**
   * Permits this shop's seller for TMC with every topic, as {@code taobao.tmc.user.permit} with
   * this shop's session does.
   */
  public void tmcPermit() {
    tmc.permit(sellerNick(), Set.of());
  }

  // ---- settlement (bills) ----

  /**
   * Ground truth of every settlement line of this shop as {@code taobao.bill.bills.get} shows it
   * now (paid or not), by bill id. How lines are generated, their rates and signs: see {@link
   * BillBook}.
   */
  public List<SandboxBill> bills() {
    Instant now = clock.instant();
    return bills.all().stream().map(line -> line.view(now)).toList();
  }

  /** The lines of one trade (see {@link #bills()}). */
  public List<SandboxBill> bills(long tid) {
    return bills().stream().filter(bill -> bill.tid() != null && bill.tid() == tid).toList();
  }

  /** The money faults injected into this shop's bills so far, in injection order. */
  public List<SandboxMoneyFault> moneyFaults() {
    return bills.faults();
  }

  /**
   * Charges 12% commission instead of 5.0% on a finished trade: each sub-order gets an extra
   * commission line of the difference, dated and paid now. Recorded in {@link #moneyFaults()}.
   *
   * @throws IllegalArgumentException when the shop has no such trade
   * @throws IllegalStateException when the trade is not TRADE_FINISHED
   */
  public SandboxMoneyFault injectFeeOutOfRate(long tid) {
    TradeRecord trade = store.get(tid).orElseThrow(() -> new IllegalArgumentException("no trade " + tid + " in " + this));
    return bills.feeOutOfRate(trade);
  }

  /**
   * Adds a settled income line (10–500 yuan, trade account, dated and paid now) for a tid this shop
   * does not have. Recorded in {@link #moneyFaults()}.
   */
  public SandboxMoneyFault injectUnknownTradeSettlement() {
    return bills.unknownTradeSettlement(tid -> store.get(tid).isPresent());
  }

  /**
   * The buyer confirms receipt of a trade that shipped completely: {@code TRADE_FINISHED} now, and
   * its bill lines are written (see {@link BillBook}).
   *
   * @throws IllegalArgumentException when the shop has no such trade
   * @throws IllegalStateException when the trade does not wait for the buyer
   */
  public SandboxTrade confirmReceipt(long tid) {
    return store.update(tid, trade -> trade.finished(clock.instant())).view();
  }

  /**
   * From now on the buyer of every trade that ships completely confirms receipt {@code after}
   * later, and the bills of trades finishing live are settled within {@code settledWithin} (instead
   * of up to a day; the seeded unsettled share stays). For demos whose day lasts minutes.
   *
   * @throws IllegalArgumentException when {@code after} is negative or {@code settledWithin} below 1 s
   */
  public void buyersConfirmReceipt(Duration after, Duration settledWithin) {
    if (after.isNegative()) {
      throw new IllegalArgumentException("the confirmation delay must not be negative, got " + after);
    }
    bills.settleWithin(settledWithin);
    confirmAfter = after;
  }

  /** Buyers stop confirming receipt by themselves (trades already scheduled still finish). */
  public void stopConfirmingReceipt() {
    confirmAfter = null;
  }

  private void scheduleConfirmation(@Nullable TradeRecord before, TradeRecord after, boolean live) {
    Duration delay = confirmAfter;
    if (delay == null || !live || after.status() != TradeStatus.WAIT_BUYER_CONFIRM_GOODS
        || (before != null && before.status() == TradeStatus.WAIT_BUYER_CONFIRM_GOODS)) {
      return;
    }
    long tid = after.tid();
    scheduler.schedule(() -> {
      try {
        store.update(tid, trade -> trade.status() == TradeStatus.WAIT_BUYER_CONFIRM_GOODS ? trade.finished(clock.instant()) : trade);
      } catch (RuntimeException e) {
        // the trade moved on (closed by refunds): nothing to confirm
      }
    }, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The fee accounts' ids by account type (1 virtual … 6 other), as taobao.bill.accounts.get lists them. */
  public Map<Integer, Long> billAccounts() {
    Map<Integer, Long> ids = new LinkedHashMap<>();
    BillAccount.of(index).forEach(account -> ids.put(account.type(), account.accountId()));
    return ids;
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

  /** Stops the shop's random after-sale traffic. */
  void stop() {
    afterSale.random(0);
  }

  @Override
  public String toString() {
    return "SandboxShop[" + index + ", " + sellerNick() + "]";
  }
}
