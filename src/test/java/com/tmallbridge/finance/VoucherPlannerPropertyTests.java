package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.core.VoucherEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Randomised: many random schemes and event sets; every planned voucher balances, every event with
 * something to post gets exactly one voucher with a unique, stable key, the receivable of a sale is
 * the buyer's payment, and unbalanced or one-sided input is refused. The seed is printed; rerun one
 * with {@code -Dvouchers.seed=<seed>}.
 */
class VoucherPlannerPropertyTests {
  private static final int RUNS = 400;

  @Test
  void everyPlannedVoucherBalancesWhateverTheSchemeAndEvents() {
    long seed = Long.getLong("vouchers.seed", System.nanoTime());
    System.out.println("VoucherPlannerPropertyTests seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int run = 0; run < RUNS; run++) {
      PostingScheme scheme = randomScheme(random);
      List<SaleEvent> sales = new ArrayList<>();
      List<SettlementEntry> lines = new ArrayList<>();
      int events = random.nextInt(0, 30);
      for (int i = 0; i < events; i++) {
        if (random.nextBoolean()) {
          long payment = amount(random);
          sales.add(new SaleEvent("T" + run + "-" + i, LocalDate.of(2026, 12, 1 + random.nextInt(28)), payment,
              random.nextInt(4) == 0 ? random.nextLong(0, Math.abs(payment) + 2) : 0, random.nextBoolean() ? "SO" + i : null));
        } else {
          lines.add(randomLine(random, "B" + run + "-" + i));
        }
      }
      String shop = "S" + random.nextInt(1000);
      VoucherPlanner planner = new VoucherPlanner(shop, scheme);

      String as = "seed " + seed + " run " + run;
      List<Voucher> vouchers;
      try {
        vouchers = planner.plan(sales, lines);
      } catch (IllegalArgumentException e) {
        throw new AssertionError(as + ": the planner built a voucher that is refused: " + e.getMessage(), e);
      }
      long expected = sales.stream().filter(s -> s.paymentFen() != 0).count()
          + lines.stream().filter(l -> l.paid() && l.amountFen() != 0 && l.kind() != SettlementKind.OTHER).count();
      assertThat(vouchers).as(as).hasSize((int) expected);
      Set<String> keys = new HashSet<>();
      for (Voucher v : vouchers) {
        long debit = v.entries().stream().mapToLong(VoucherEntry::debitFen).sum();
        long credit = v.entries().stream().mapToLong(VoucherEntry::creditFen).sum();
        assertThat(debit).as(as + " " + v.key()).isEqualTo(credit).isPositive();
        assertThat(v.entries()).as(as).allMatch(e -> (e.debitFen() > 0) != (e.creditFen() > 0));
        assertThat(keys.add(v.key())).as(as + " duplicate key " + v.key()).isTrue();
        assertThat(v.key()).as(as).startsWith(VoucherPosting.kindOf(v.key()).keyPrefix() + "|" + shop + "|");
      }
      assertThat(planner.plan(sales, lines)).as(as + ": planning is repeatable").isEqualTo(vouchers);
      for (SaleEvent sale : sales) {
        planner.sale(sale).ifPresent(v -> {
          assertThat(v.totalFen()).as(as + " " + v.key() + ": the voucher moves the payment").isEqualTo(Math.abs(sale.paymentFen()));
        });
      }
    }
  }

  /**
   * DAY (and a switch from LINE): random events in two waves with a random granularity each; the
   * first wave's vouchers are recorded (coverage and batches) before the second is planned. Every
   * voucher balances; every event with something to post is in exactly one voucher; a recorded
   * voucher is planned again under its key with the same events and entries; late events go into
   * a later batch, never into a recorded voucher.
   */
  @Test
  void summaryVouchersBalanceAndHoldEachEventOnceAcrossWavesAndGranularities() {
    long seed = Long.getLong("vouchers.seed", System.nanoTime());
    System.out.println("VoucherPlannerPropertyTests summary seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int run = 0; run < RUNS; run++) {
      PostingScheme scheme = randomScheme(random);
      String shop = "S" + random.nextInt(1000);
      // small caps too, so that a day and kind spreads over several batches
      int cap = random.nextBoolean() ? 1 + random.nextInt(4) : 300;
      VoucherPlanner planner = new VoucherPlanner(shop, scheme, cap);
      String as = "seed " + seed + " run " + run;
      List<SaleEvent> sales = new ArrayList<>();
      List<SettlementEntry> lines = new ArrayList<>();
      Map<String, String> voucherOf = new java.util.HashMap<>();
      Map<String, Integer> lastBatch = new java.util.HashMap<>();
      Map<String, Voucher> recorded = new java.util.HashMap<>();
      for (int wave = 0; wave < 2; wave++) {
        VoucherGranularity granularity = random.nextInt(3) == 0 ? VoucherGranularity.LINE : VoucherGranularity.DAY;
        int events = random.nextInt(0, 40);
        for (int i = 0; i < events; i++) {
          if (random.nextBoolean()) {
            long payment = amount(random);
            sales.add(new SaleEvent("T" + run + "-" + wave + "-" + i, LocalDate.of(2026, 12, 1 + random.nextInt(3)), payment,
                random.nextInt(4) == 0 ? random.nextLong(0, Math.abs(payment) + 2) : 0, null));
          } else {
            lines.add(randomLine(random, "B" + run + "-" + wave + "-" + i));
          }
        }
        String at = as + " wave " + wave + " " + granularity;
        List<VoucherPlanner.Planned> planned;
        try {
          planned = planner.plan(granularity, sales, lines, new VoucherPlanner.Coverage(voucherOf, lastBatch));
        } catch (IllegalArgumentException e) {
          throw new AssertionError(at + ": the planner built a voucher that is refused: " + e.getMessage(), e);
        }
        Set<String> held = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Map<String, java.util.TreeSet<Integer>> freshBatches = new java.util.HashMap<>();
        for (VoucherPlanner.Planned p : planned) {
          Voucher v = p.voucher();
          long debit = v.entries().stream().mapToLong(VoucherEntry::debitFen).sum();
          long credit = v.entries().stream().mapToLong(VoucherEntry::creditFen).sum();
          assertThat(debit).as(at + " " + v.key()).isEqualTo(credit).isPositive();
          assertThat(keys.add(v.key())).as(at + " duplicate key " + v.key()).isTrue();
          for (String e : p.events()) {
            assertThat(held.add(e)).as(at + ": event " + e + " in two vouchers").isTrue();
          }
          if (recorded.containsKey(v.key())) {
            assertThat(p.fresh()).as(at).isFalse();
            assertThat(v).as(at + ": a recorded voucher is planned again as it was").isEqualTo(recorded.get(v.key()));
          } else {
            assertThat(p.fresh()).as(at + " " + v.key()).isTrue();
            assertThat(p.events()).as(at + ": a new voucher holds no recorded event").noneMatch(voucherOf::containsKey);
            if (VoucherPlanner.isSummaryKey(v.key())) {
              String day = v.key().split("\\|")[0] + "|" + v.date();
              freshBatches.computeIfAbsent(day, d -> new java.util.TreeSet<>()).add(VoucherPlanner.summaryBatch(v.key()));
              assertThat(p.events()).as(at + " " + v.key() + ": at most " + cap + " events").hasSizeLessThanOrEqualTo(cap);
            } else {
              assertThat(p.events()).as(at).containsExactly(v.key());
            }
          }
          assertThat(VoucherPlanner.isSummaryKey(v.key()) || p.events().size() == 1).as(at).isTrue();
        }
        // a day and kind's new batches follow the last recorded one without a gap
        freshBatches.forEach((day, batches) -> assertThat(batches).as(at + " " + day)
            .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(lastBatch.getOrDefault(day, 0) + 1,
                lastBatch.getOrDefault(day, 0) + batches.size()).boxed().toList()));
        Set<String> expected = new HashSet<>();
        sales.stream().filter(x -> x.paymentFen() != 0).forEach(x -> expected.add(planner.eventKey(x)));
        lines.forEach(l -> planner.eventKey(l).ifPresent(expected::add));
        assertThat(held).as(at + ": every event with something to post is in one voucher").isEqualTo(expected);
        for (VoucherPlanner.Planned p : planned) { // record this wave
          recorded.putIfAbsent(p.voucher().key(), p.voucher());
          p.events().forEach(e -> voucherOf.putIfAbsent(e, p.voucher().key()));
          if (VoucherPlanner.isSummaryKey(p.voucher().key())) {
            lastBatch.merge(p.voucher().key().split("\\|")[0] + "|" + p.voucher().date(), VoucherPlanner.summaryBatch(p.voucher().key()),
                Math::max);
          }
        }
      }
    }
  }

  @Test
  void unbalancedOrOneSidedInputIsRefused() {
    long seed = Long.getLong("vouchers.seed", System.nanoTime());
    System.out.println("VoucherPlannerPropertyTests unbalanced seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int run = 0; run < RUNS; run++) {
      List<VoucherEntry> entries = new ArrayList<>();
      int n = random.nextInt(2, 8);
      long balance = 0;
      for (int i = 0; i < n; i++) {
        long fen = random.nextLong(1, 10_000_000);
        boolean debit = random.nextBoolean();
        entries.add(debit ? VoucherEntry.debit("A" + i, fen, null) : VoucherEntry.credit("A" + i, fen, null));
        balance += debit ? fen : -fen;
      }
      long off = balance == 0 ? random.nextLong(1, 1000) : 0;
      if (off > 0) {
        entries.add(VoucherEntry.debit("OFF", off, null));
      }
      String as = "seed " + seed + " run " + run;
      int r = run;
      assertThatThrownBy(() -> new Voucher("K|" + r, "S", LocalDate.of(2026, 12, 5), "x", entries)).as(as)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not balance");
      long fen = random.nextLong(1, 1000);
      assertThatThrownBy(() -> new VoucherEntry("1122", fen, fen, null)).as(as)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
      assertThatThrownBy(() -> new VoucherEntry("1122", 0, 0, null)).as(as)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither");
      assertThatThrownBy(() -> new VoucherEntry("1122", -fen, 0, null)).as(as)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
  }

  private static long amount(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> random.nextLong(1, 10);
      case 1 -> random.nextLong(-50_000, 0);
      case 2 -> random.nextLong(100_000_000_000L, 900_000_000_000L);
      case 3 -> 0;
      default -> random.nextLong(1, 2_000_000);
    };
  }

  private static SettlementEntry randomLine(SplittableRandom random, String bid) {
    SettlementKind kind = SettlementKind.values()[random.nextInt(SettlementKind.values().length)];
    long amount = amount(random);
    boolean paid = random.nextInt(5) != 0;
    Instant biz = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(random.nextLong(0, 30L * 86_400));
    return new SettlementEntry(new ShopId(1), bid, 100 + random.nextInt(5), kind, random.nextInt(10) == 0 ? null : "T" + random.nextInt(99),
        null, amount, paid, biz, paid ? biz.plusSeconds(random.nextLong(0, 10L * 86_400)) : null);
  }

  private static PostingScheme randomScheme(SplittableRandom random) {
    List<String> accounts = List.of("1012", "1122", "2221", "6001", "6051", "660101", "660102", "660103", "6603", "X.1");
    Map<PostingKind, PostingRule> rules = new EnumMap<>(PostingKind.class);
    for (PostingKind kind : PostingKind.values()) {
      String debit = accounts.get(random.nextInt(accounts.size()));
      String credit;
      do {
        credit = accounts.get(random.nextInt(accounts.size()));
      } while (credit.equals(debit));
      boolean vat = random.nextBoolean();
      BigDecimal rate = switch (random.nextInt(4)) {
        case 0 -> BigDecimal.ZERO;
        case 1 -> new BigDecimal("0.13");
        case 2 -> new BigDecimal("0.9999");
        default -> BigDecimal.valueOf(random.nextInt(0, 10_000), 4);
      };
      rules.put(kind, new PostingRule(kind, debit, credit, vat ? accounts.get(random.nextInt(accounts.size())) : null, vat ? rate : null,
          "{tid} {bid} {shop} {date} {erp}"));
    }
    return new PostingScheme(rules);
  }
}
