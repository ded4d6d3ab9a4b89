package com.tmallbridge.cli;

import com.tmallbridge.finance.CompletenessManagement;
import com.tmallbridge.finance.CompletenessReport;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code completeness --date D [--shop CODE]}: counts a day's trades on Tmall (by created and by
 * paid time) against sales orders in the ERP, re-fetches each paid trade the ERP lacks and reports
 * what was recovered. Exit 0 when every gap was recovered (or there was none), 3 when a gap remains,
 * 1 when Tmall or the ERP could not be read, 2 for a bad flag.
 */
@Command(name = "completeness", mixinStandardHelpOptions = true,
    description = "Check that every trade paid on Tmall on a day reached the ERP; re-fetch and report the gaps.")
class CompletenessCommand implements Callable<Integer> {
  /** Exit code when a gap could not be recovered. */
  static final int GAPS_LEFT = 3;

  @ParentCommand BridgeCommand root;

  @Option(names = "--date", required = true, paramLabel = "yyyy-MM-dd", description = "The day (GMT+8) to check.")
  String date;

  @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop (default: every shop).")
  String shopCode;

  @Override
  public Integer call() {
    LocalDate day = ReconcileCommand.parseDate(date);
    var runtime = root.runtime();
    List<Shop> shops = ReconcileCommand.selectShops(runtime.bean(ShopManagement.class), shopCode);
    CompletenessManagement completeness = runtime.bean(CompletenessManagement.class);
    Output out = new Output(root.spec.commandLine().getOut());
    List<Map<String, Object>> json = new ArrayList<>();
    boolean gapsLeft = false;
    for (Shop shop : shops) {
      CompletenessReport r = completeness.check(shop.id(), day);
      gapsLeft |= r.recovered() < r.gaps().size();
      if (root.json) {
        json.add(describe(shop, r));
      } else {
        out.line("shop " + shop.code() + " " + day + ": Tmall created " + r.tmallCreated() + ", paid " + r.tmallPaid()
            + "; in the ERP: of those created " + r.erpCreated() + ", of those paid " + r.erpPaid() + "; " + r.gaps().size()
            + " gap(s), " + r.recovered() + " recovered");
        if (!r.gaps().isEmpty()) {
          out.table(List.of("TID", "OUTCOME", "DETAIL"), r.gaps().stream().map(g -> List.of(g.tid(), g.outcome().name(), g.detail())).toList());
        }
      }
    }
    if (root.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("date", day.toString());
      doc.put("shops", json);
      out.json(doc);
    }
    return gapsLeft ? GAPS_LEFT : 0;
  }

  private static Map<String, Object> describe(Shop shop, CompletenessReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shop", shop.code());
    m.put("tmallCreated", r.tmallCreated());
    m.put("tmallPaid", r.tmallPaid());
    m.put("erpCreated", r.erpCreated());
    m.put("erpPaid", r.erpPaid());
    m.put("gaps", r.gaps().size());
    m.put("recovered", r.recovered());
    m.put("items", r.gaps().stream().map(g -> Map.of("tid", g.tid(), "outcome", g.outcome().name(), "detail", g.detail())).toList());
    return m;
  }
}
