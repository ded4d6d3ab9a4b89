package com.tmallbridge.finance;

import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.core.VoucherEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a shop's money events into vouchers under its {@link PostingScheme}. Pure: no database, no
 * clock. One voucher per event, keyed stably so that posting it again is recognised:
 * <ul>
 *   <li>{@code SALE|<shop>|<tid>}: an exported trade; the goods part (payment − post fee) under
 *       the SALE rule and the freight part under the POST_FEE rule, dated the export day;</li>
 *   <li>{@code RCPT|..|<bid>}, {@code COMM|..}, {@code PNTS|..}, {@code SFEE|..}, {@code RFND|..}:
 *       one settled settlement line (paid, amount not 0, kind not OTHER) under the RECEIPT,
 *       COMMISSION, POINTS, SERVICE_FEE or REFUND rule, dated the day Alipay moved the money.</li>
 * </ul>
 * Entries on the same account, side and trade are merged. Every voucher balances by construction
 * (a {@link Voucher} cannot be built otherwise); an event with nothing to post yields no voucher.
 *
 * <p>{@link #plan(VoucherGranularity, List, List, Coverage)} adds the granularity and what is
 * already recorded: each event has an <em>event key</em> (its per-event voucher key above); an
 * event some voucher already holds ({@link Coverage#voucherOf}) goes only into that voucher, or
 * nowhere when it is posted; an event no voucher holds goes, under {@link VoucherGranularity#LINE},
 * into its own voucher, and under {@link VoucherGranularity#DAY} into the summary voucher {@code
 * <PREFIX>|<shop>|<yyyy-MM-dd>|<n>} of its day and kind, n being one more than the last batch
 * recorded for that day and kind, and one more again each time a new batch holds {@code maxEvents}
 * events.
 */
public final class VoucherPlanner {
  /** Tmall's day. */
  public static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");

  private final PostingScheme scheme;
  private final String shop;
  private final int maxEvents;

  /**
   * A planner whose summary vouchers hold at most {@link VoucherProperties#DEFAULTS}' events each.
   *
   * @param shop the shop's code, part of every key
   * @param scheme the rules in force for the shop
   */
  public VoucherPlanner(String shop, PostingScheme scheme) {
    this(shop, scheme, VoucherProperties.DEFAULTS.maxEvents());
  }

  /**
   * @param shop the shop's code, part of every key
   * @param scheme the rules in force for the shop
   * @param maxEvents the most events a new summary voucher holds; more go into the next batch
   */
  public VoucherPlanner(String shop, PostingScheme scheme, int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1, got " + maxEvents);
    }
    this.shop = shop;
    this.scheme = scheme;
    this.maxEvents = maxEvents;
  }

  /** The key of the SALE voucher of trade {@code tid} of {@code shop}. */
  public static String saleKey(String shop, String tid) {
    return PostingKind.SALE.keyPrefix() + "|" + shop + "|" + tid;
  }

  /** The key of the voucher of settlement line {@code bid} posting as {@code kind}. */
  public static String settlementKey(PostingKind kind, String shop, String bid) {
    return kind.keyPrefix() + "|" + shop + "|" + bid;
  }

  /**
   * The key of the summary voucher of {@code prefix} (a {@link PostingKind#keyPrefix()}), {@code
   * shop}, {@code date}, batch {@code batch} (1, 2, …).
   */
  public static String summaryKey(String prefix, String shop, LocalDate date, int batch) {
    return prefix + "|" + shop + "|" + date + "|" + batch;
  }

  /** Whether {@code key} is a summary voucher's key ({@code <PREFIX>|<shop>|<yyyy-MM-dd>|<n>}). */
  public static boolean isSummaryKey(String key) {
    return key.split("\\|", -1).length == 4;
  }

  /** The day and batch of a summary key, e.g. {@code 2026-12-05|2} → (2026-12-05, 2). */
  static LocalDate summaryDate(String key) {
    return LocalDate.parse(key.split("\\|", -1)[2]);
  }

  /** The batch number of a summary key. */
  static int summaryBatch(String key) {
    return Integer.parseInt(key.split("\\|", -1)[3]);
  }

  /** The event key of a settlement line (its per-event voucher key); empty when it posts nothing. */
  public Optional<String> eventKey(SettlementEntry line) {
    return PostingKind.of(line.kind()).filter(k -> line.paid() && line.amountFen() != 0 && line.payTime() != null)
        .map(k -> settlementKey(k, shop, line.billId()));
  }

  /** The event key of an exported trade. */
  public String eventKey(SaleEvent sale) {
    return saleKey(shop, sale.tid());
  }

  /**
   * The vouchers of these events under {@code granularity}, given what is already recorded: first
   * the recorded vouchers (posted or not) with exactly the events they hold among these, then new
   * ones for the events no voucher holds, in the order of their first event (sales first, then
   * settlement lines).
   */
  public List<Planned> plan(VoucherGranularity granularity, List<SaleEvent> sales, List<SettlementEntry> lines, Coverage coverage) {
    Map<String, Bucket> recorded = new LinkedHashMap<>();
    Map<String, Bucket> fresh = new LinkedHashMap<>();
    Map<String, Integer> nextBatch = new java.util.HashMap<>();
    for (SaleEvent sale : sales) {
      if (sale.paymentFen() == 0) {
        continue; // nothing to post: the event stays outside every voucher, under either granularity
      }
      place(granularity, coverage, recorded, fresh, nextBatch, eventKey(sale), PostingKind.SALE.keyPrefix(), sale.date()).sales.add(sale);
    }
    for (SettlementEntry line : lines) {
      Optional<String> event = eventKey(line);
      if (event.isEmpty()) {
        continue;
      }
      LocalDate date = Objects.requireNonNull(line.payTime()).atZone(TMALL_ZONE).toLocalDate();
      String prefix = PostingKind.of(line.kind()).orElseThrow().keyPrefix();
      place(granularity, coverage, recorded, fresh, nextBatch, event.get(), prefix, date).lines.add(line);
    }
    List<Planned> planned = new ArrayList<>();
    recorded.forEach((key, bucket) -> build(key, bucket, false).ifPresent(planned::add));
    fresh.forEach((key, bucket) -> build(key, bucket, true).ifPresent(planned::add));
    return planned;
  }

  private Bucket place(VoucherGranularity granularity, Coverage coverage, Map<String, Bucket> recorded, Map<String, Bucket> fresh,
      Map<String, Integer> nextBatch, String event, String prefix, LocalDate date) {
    String held = coverage.voucherOf().get(event);
    if (held != null) {
      return recorded.computeIfAbsent(held, k -> new Bucket());
    }
    if (granularity == VoucherGranularity.LINE) {
      return fresh.computeIfAbsent(event, k -> new Bucket());
    }
    String day = prefix + "|" + date;
    int batch = nextBatch.computeIfAbsent(day, d -> coverage.lastBatch().getOrDefault(d, 0) + 1);
    Bucket bucket = fresh.computeIfAbsent(summaryKey(prefix, shop, date, batch), k -> new Bucket());
    if (bucket.size() >= maxEvents) {
      nextBatch.put(day, batch + 1);
      bucket = fresh.computeIfAbsent(summaryKey(prefix, shop, date, batch + 1), k -> new Bucket());
    }
    return bucket;
  }

  private Optional<Planned> build(String key, Bucket bucket, boolean fresh) {
    if (!isSummaryKey(key)) {
      Optional<Voucher> v = !bucket.sales.isEmpty() ? sale(bucket.sales.get(0)) : settlement(bucket.lines.get(0));
      return v.map(voucher -> new Planned(voucher, List.of(key), fresh));
    }
    LocalDate date = summaryDate(key);
    Entries entries = new Entries();
    List<String> events = new ArrayList<>();
    PostingKind kind = VoucherPosting.kindOf(key);
    for (SaleEvent sale : bucket.sales) {
      if (sale.paymentFen() == 0) {
        continue; // nothing to post: the event stays outside every voucher, as under LINE
      }
      long postFee = Math.min(Math.max(sale.postFeeFen(), 0), Math.max(sale.paymentFen(), 0));
      entries.add(scheme.rule(PostingKind.SALE), sale.paymentFen() - postFee, sale.tid());
      entries.add(scheme.rule(PostingKind.POST_FEE), postFee, sale.tid());
      events.add(eventKey(sale));
    }
    for (SettlementEntry line : bucket.lines) {
      PostingKind k = PostingKind.of(line.kind()).orElseThrow();
      entries.add(scheme.rule(k), k.normalised(line.amountFen()), line.tid());
      events.add(eventKey(line).orElseThrow());
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    String explanation = scheme.rule(kind).summarise(shop, date.toString(), events.size());
    return Optional.of(new Planned(new Voucher(key, shop, date, explanation, entries.list()), events, fresh));
  }

  /** The events gathered for one voucher. */
  private static final class Bucket {
    final List<SaleEvent> sales = new ArrayList<>();
    final List<SettlementEntry> lines = new ArrayList<>();

    int size() {
      return sales.size() + lines.size();
    }
  }

  /**
   * A voucher to post with the events it holds.
   *
   * @param voucher the voucher
   * @param events the event keys it holds (under LINE, its own key)
   * @param fresh true when no voucher is recorded under its key yet (its record and its events'
   *     coverage are to be written); false for a recorded one not posted yet, planned again with
   *     the same events
   */
  public record Planned(Voucher voucher, List<String> events, boolean fresh) {
    public Planned {
      events = List.copyOf(events);
    }
  }

  /**
   * What is recorded already.
   *
   * @param voucherOf event key → key of the voucher holding it (table {@code finance_voucher_event})
   * @param lastBatch {@code <PREFIX>|<yyyy-MM-dd>} → the highest batch recorded for that kind and day
   */
  public record Coverage(Map<String, String> voucherOf, Map<String, Integer> lastBatch) {
    /** Nothing recorded. */
    public static final Coverage NONE = new Coverage(Map.of(), Map.of());

    public Coverage {
      voucherOf = Map.copyOf(voucherOf);
      lastBatch = Map.copyOf(lastBatch);
    }
  }

  /** The vouchers of these events: sales first, then settlement lines, each in the given order. */
  public List<Voucher> plan(List<SaleEvent> sales, List<SettlementEntry> lines) {
    List<Voucher> vouchers = new ArrayList<>();
    for (SaleEvent sale : sales) {
      sale(sale).ifPresent(vouchers::add);
    }
    for (SettlementEntry line : lines) {
      settlement(line).ifPresent(vouchers::add);
    }
    return vouchers;
  }

  /** The SALE voucher of an exported trade; empty when the payment is 0. */
  public Optional<Voucher> sale(SaleEvent sale) {
    long postFee = Math.min(Math.max(sale.postFeeFen(), 0), Math.max(sale.paymentFen(), 0));
    long goods = sale.paymentFen() - postFee;
    Entries entries = new Entries();
    entries.add(scheme.rule(PostingKind.SALE), goods, sale.tid());
    entries.add(scheme.rule(PostingKind.POST_FEE), postFee, sale.tid());
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    String explanation = scheme.rule(PostingKind.SALE).explain(sale.tid(), null, shop, sale.date().toString(), sale.erpOrderNo());
    return Optional.of(new Voucher(saleKey(shop, sale.tid()), shop, sale.date(), explanation, entries.list()));
  }

  /** The voucher of a settlement line; empty when it is unsettled, 0, or of kind OTHER. */
  public Optional<Voucher> settlement(SettlementEntry line) {
    Optional<PostingKind> kind = PostingKind.of(line.kind());
    if (kind.isEmpty() || !line.paid() || line.amountFen() == 0 || line.payTime() == null) {
      return Optional.empty();
    }
    PostingRule rule = scheme.rule(kind.get());
    LocalDate date = line.payTime().atZone(TMALL_ZONE).toLocalDate();
    Entries entries = new Entries();
    entries.add(rule, kind.get().normalised(line.amountFen()), line.tid());
    String explanation = rule.explain(line.tid(), line.billId(), shop, date.toString(), null);
    return Optional.of(new Voucher(settlementKey(kind.get(), shop, line.billId()), shop, date, explanation, entries.list()));
  }

  /** Entries under construction, merged by (account, side, trade). */
  private static final class Entries {
    private final Map<List<Object>, long[]> sums = new LinkedHashMap<>();

    /** Posts {@code amount} under {@code rule}: debit and credit, VAT split on its side; a negative amount swaps the sides. */
    void add(PostingRule rule, long amount, @Nullable String tid) {
      if (amount == 0) {
        return;
      }
      boolean reversal = amount < 0;
      long gross = Math.abs(amount);
      boolean vatOnCredit = rule.kind().vatOnCredit();
      VatSplit split = rule.vatAccount() == null ? new VatSplit(gross, 0) : VatSplit.of(gross, Objects.requireNonNull(rule.vatRate()));
      // the side without VAT carries the gross amount, the other net + VAT
      put(rule.debitAccount(), !reversal, vatOnCredit ? gross : split.netFen(), tid);
      put(rule.creditAccount(), reversal, vatOnCredit ? split.netFen() : gross, tid);
      if (split.taxFen() > 0) {
        put(Objects.requireNonNull(rule.vatAccount()), vatOnCredit == reversal, split.taxFen(), tid);
      }
    }

    private void put(String account, boolean debit, long fen, @Nullable String tid) {
      if (fen == 0) {
        return;
      }
      List<Object> key = new ArrayList<>(3);
      key.add(account);
      key.add(debit);
      key.add(tid == null ? "" : tid);
      sums.computeIfAbsent(key, k -> new long[1])[0] += fen;
    }

    boolean isEmpty() {
      return sums.isEmpty();
    }

    List<VoucherEntry> list() {
      List<VoucherEntry> list = new ArrayList<>();
      sums.forEach((key, sum) -> {
        String tid = (String) key.get(2);
        list.add((Boolean) key.get(1) ? VoucherEntry.debit((String) key.get(0), sum[0], tid.isEmpty() ? null : tid)
            : VoucherEntry.credit((String) key.get(0), sum[0], tid.isEmpty() ? null : tid));
      });
      return list;
    }
  }
}
