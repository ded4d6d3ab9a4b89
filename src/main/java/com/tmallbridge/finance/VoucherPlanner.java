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
 */
public final class VoucherPlanner {
  /** Tmall's day. */
  public static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");

  private final PostingScheme scheme;
  private final String shop;

  /**
   * @param shop the shop's code, part of every key
   * @param scheme the rules in force for the shop
   */
  public VoucherPlanner(String shop, PostingScheme scheme) {
    this.shop = shop;
    this.scheme = scheme;
  }

  /** The key of the SALE voucher of trade {@code tid} of {@code shop}. */
  public static String saleKey(String shop, String tid) {
    return PostingKind.SALE.keyPrefix() + "|" + shop + "|" + tid;
  }

  /** The key of the voucher of settlement line {@code bid} posting as {@code kind}. */
  public static String settlementKey(PostingKind kind, String shop, String bid) {
    return kind.keyPrefix() + "|" + shop + "|" + bid;
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
