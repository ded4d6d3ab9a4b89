package com.tmallbridge.demo;

import com.tmallbridge.sandbox.erp.TrytonRpc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a Tryton server against the sandbox's ground truth by reading Tryton directly (the
 * sandbox's own {@link TrytonRpc}, not the bridge's connector or tables): every trade that must be
 * in the ERP has exactly one live {@code sale.sale} with reference {@code tb:<shop>:<tid>}, in state
 * confirmed, processing or done, whose {@code total_amount} is the trade's payment; a trade that
 * must not be there has no live sale. Drafts are not live: the connector's create-then-verify
 * protocol leaves them as garbage that every read ignores.
 */
public final class TrytonSaleCheck {
  private static final Set<String> CONFIRMED = Set.of("confirmed", "processing", "done");
  private static final int PAGE = 200;

  private TrytonSaleCheck() {}

  /**
   * One trade as the ERP should show it.
   *
   * @param reference {@code tb:<shop code>:<tid>}
   * @param paymentFen what the buyer paid, in fen
   * @param wanted whether the trade must have a sale (paid and open) or must not (never paid)
   */
  public record Expected(String reference, long paymentFen, boolean wanted) {}

  /** A sale as read from Tryton: id, reference, state and total in fen. */
  public record Sale(long id, String reference, String state, long totalFen) {}

  /**
   * Problem counts; {@link #problems()} is their sum.
   *
   * @param checked expected trades looked at
   * @param missing wanted trades without a live sale
   * @param duplicates live sales beyond the first of a wanted trade
   * @param wrongAmount wanted trades whose one sale's total differs from the payment
   * @param notConfirmed wanted trades whose one sale is still a quotation
   * @param unwanted live sales of trades that must have none
   */
  public record Result(long checked, long missing, long duplicates, long wrongAmount, long notConfirmed, long unwanted) {
    public long problems() {
      return missing + duplicates + wrongAmount + notConfirmed + unwanted;
    }

    @Override
    public String toString() {
      return "checked=" + checked + " missing=" + missing + " duplicates=" + duplicates + " wrong_amount=" + wrongAmount
          + " not_confirmed=" + notConfirmed + " unwanted=" + unwanted;
    }
  }

  /** Reads the sales of the expected references from Tryton and checks them. */
  public static Result check(TrytonRpc tryton, List<Expected> expected) {
    return evaluate(expected, read(tryton, expected.stream().map(Expected::reference).toList()));
  }

  /** Every sale (any state) whose reference is one of {@code references}, in pages of {@value #PAGE} references. */
  public static List<Sale> read(TrytonRpc tryton, Collection<String> references) {
    List<String> all = List.copyOf(references);
    List<Sale> sales = new ArrayList<>();
    for (int from = 0; from < all.size(); from += PAGE) {
      List<String> page = all.subList(from, Math.min(all.size(), from + PAGE));
      JsonNode rows = tryton.model("sale.sale", "search_read", List.of(List.of("reference", "in", page)), 0, null,
          List.of(List.of("id", "ASC")), List.of("reference", "state", "total_amount"));
      for (JsonNode row : rows) {
        sales.add(new Sale(row.get("id").asLong(), row.get("reference").asString(), row.get("state").asString(), fen(row.get("total_amount"))));
      }
    }
    return sales;
  }

  /** Checks sales read from Tryton against the expected trades (pure). */
  public static Result evaluate(List<Expected> expected, List<Sale> sales) {
    Map<String, List<Sale>> live = new HashMap<>();
    for (Sale sale : sales) {
      if (!"draft".equals(sale.state()) && !"cancelled".equals(sale.state())) {
        live.computeIfAbsent(sale.reference(), r -> new ArrayList<>()).add(sale);
      }
    }
    Map<String, Expected> byReference = new LinkedHashMap<>();
    expected.forEach(e -> byReference.put(e.reference(), e));
    long missing = 0;
    long duplicates = 0;
    long wrongAmount = 0;
    long notConfirmed = 0;
    long unwanted = 0;
    for (Expected e : byReference.values()) {
      List<Sale> found = live.getOrDefault(e.reference(), List.of());
      if (!e.wanted()) {
        unwanted += found.size();
      } else if (found.isEmpty()) {
        missing++;
      } else {
        duplicates += found.size() - 1;
        Sale sale = found.get(0);
        if (sale.totalFen() != e.paymentFen()) {
          wrongAmount++;
        }
        if (!CONFIRMED.contains(sale.state())) {
          notConfirmed++;
        }
      }
    }
    return new Result(byReference.size(), missing, duplicates, wrongAmount, notConfirmed, unwanted);
  }

  private static long fen(JsonNode amount) {
    if (amount == null || amount.isNull()) {
      return 0;
    }
    String text = amount.isObject() ? amount.get("decimal").asString() : amount.asString();
    return new BigDecimal(text).movePointRight(2).longValueExact();
  }
}
