package com.tmallbridge.cli;

import com.tmallbridge.core.Money;
import com.tmallbridge.finance.DaySummary;
import com.tmallbridge.finance.Difference;
import com.tmallbridge.finance.DifferenceCategory;
import com.tmallbridge.finance.ReconciliationManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code reconcile --date D [--shop CODE]}: runs the three-way reconciliation of a day (again) and
 * prints each category's count and every difference with each side's amount. Exit 0 when every
 * shop's run completed, differences or not (they are the result, not a failure); 1 when a side
 * could not be read; 2 for a bad flag.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Reconcile a day three ways: Tmall trades, ERP sales orders, settlement lines (replaces the day's last result).")
class ReconcileCommand implements Callable<Integer> {
  @ParentCommand BridgeCommand root;

  @Option(names = "--date", required = true, paramLabel = "yyyy-MM-dd", description = "The day (GMT+8) whose paid trades to reconcile.")
  String date;

  @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop (default: every shop).")
  String shopCode;

  @Override
  public Integer call() {
    LocalDate day = parseDate(date);
    var runtime = root.runtime();
    List<Shop> shops = selectShops(runtime.bean(ShopManagement.class), shopCode);
    ReconciliationManagement reconciliation = runtime.bean(ReconciliationManagement.class);
    Output out = new Output(root.spec.commandLine().getOut());
    List<Map<String, Object>> json = new ArrayList<>();
    for (Shop shop : shops) {
      DaySummary summary = reconciliation.run(shop.id(), day);
      List<Difference> differences = reconciliation.differences(shop.id(), day, null, Integer.MAX_VALUE);
      if (root.json) {
        json.add(describe(shop, summary, differences));
      } else {
        print(out, shop, summary, differences);
      }
    }
    if (root.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("date", day.toString());
      doc.put("shops", json);
      out.json(doc);
    }
    return 0;
  }

  static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--date must be a day like 2026-12-04, got '" + text + "'");
    }
  }

  static List<Shop> selectShops(ShopManagement shops, @Nullable String code) {
    if (code == null) {
      return shops.list();
    }
    return List.of(shops.findByCode(code)
        .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + code + "' (see 'bridge shop list')")));
  }

  private static void print(Output out, Shop shop, DaySummary s, List<Difference> differences) {
    out.line("shop " + shop.code() + " " + s.day() + " (run " + s.runId() + "): " + s.orders() + " paid trade(s) on Tmall "
        + Money.formatYuan(s.tmallPaidFen()) + " (refunded " + Money.formatYuan(s.tmallRefundFen()) + "), ERP " + s.erpOrders()
        + " order(s) " + Money.formatYuan(s.erpFen()) + ", settled " + Money.formatYuan(s.settledFen()) + ", fees "
        + Money.formatYuan(s.feesFen()));
    out.table(List.of("CATEGORY", "COUNT"), s.differences().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).map(e -> List.of(e.getKey().name(), Integer.toString(e.getValue()))).toList());
    if (!differences.isEmpty()) {
      out.table(List.of("TID", "CATEGORY", "TMALL", "ERP", "SETTLED", "DETAIL"), differences.stream().map(d -> List.of(
          d.tid(), d.category().name(), yuan(d.tmallFen()), yuan(d.erpFen()), yuan(d.settledFen()), d.detail())).toList());
    }
    out.line(s.totalDifferences() + " difference(s)");
  }

  private static Map<String, Object> describe(Shop shop, DaySummary s, List<Difference> differences) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shop", shop.code());
    m.put("runId", s.runId());
    m.put("orders", s.orders());
    m.put("tmallPaid", Money.formatYuan(s.tmallPaidFen()));
    m.put("tmallRefunded", Money.formatYuan(s.tmallRefundFen()));
    m.put("erpOrders", s.erpOrders());
    m.put("erp", Money.formatYuan(s.erpFen()));
    m.put("settled", Money.formatYuan(s.settledFen()));
    m.put("fees", Money.formatYuan(s.feesFen()));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (DifferenceCategory c : DifferenceCategory.values()) {
      counts.put(c.name(), s.differences().getOrDefault(c, 0));
    }
    m.put("differences", counts);
    m.put("items", differences.stream().map(d -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("tid", d.tid());
      item.put("category", d.category().name());
      item.put("tmall", d.tmallFen() == null ? null : Money.formatYuan(d.tmallFen()));
      item.put("erp", d.erpFen() == null ? null : Money.formatYuan(d.erpFen()));
      item.put("settled", d.settledFen() == null ? null : Money.formatYuan(d.settledFen()));
      item.put("detail", d.detail());
      return item;
    }).toList());
    return m;
  }

  private static String yuan(@Nullable Long fen) {
    return fen == null ? "-" : Money.formatYuan(fen);
  }
}
