package com.tmallbridge.cli;

import com.tmallbridge.core.Money;
import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.finance.FinanceManagement;
import com.tmallbridge.finance.ImportProgress;
import com.tmallbridge.finance.SettlementImportResult;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code settlements import|list}: Tmall's settlement lines (bills) in the bridge. */
@Command(name = "settlements", description = "Settlement lines (账单明细) imported from Tmall's bills: income, fees, refunds.",
    mixinStandardHelpOptions = true, subcommands = {SettlementsCommand.Import.class, SettlementsCommand.ListLines.class})
class SettlementsCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("settlements").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "import", description = "Import settlement lines from Tmall, from each shop's cursor (or --since) up to now.",
      mixinStandardHelpOptions = true)
  static class Import implements Callable<Integer> {
    @ParentCommand SettlementsCommand parent;

    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop (default: every shop).") String shopCode;
    @Option(names = "--since", converter = InstantArgument.class, paramLabel = "TIME",
        description = "Read from TIME instead of the shop's cursor (lines already stored are only updated).") Instant since;

    @Override
    public Integer call() {
      var runtime = parent.root.runtime();
      ShopManagement shops = runtime.bean(ShopManagement.class);
      List<Shop> targets = shopCode == null ? shops.list() : List.of(shop(shops, shopCode));
      FinanceManagement finance = runtime.bean(FinanceManagement.class);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      PrintWriter err = parent.root.spec.commandLine().getErr();
      boolean terminal = System.console() != null;
      List<SettlementImportResult> results = new ArrayList<>();
      for (Shop shop : targets) {
        ImportProgress progress = terminal ? (done, total, window, lines) -> {
          err.print("\r[settlements] " + shop.code() + " window " + done + "/" + total + " up to " + window.end() + " | " + lines
              + " line(s)      ");
          err.flush();
        } : ImportProgress.NONE;
        results.add(finance.importSettlements(shop.id(), since, progress));
        if (terminal) {
          err.println();
          err.flush();
        }
      }
      if (parent.root.json) {
        out.json(results);
      } else {
        results.forEach(r -> out.line(describe(r)));
      }
      return results.stream().allMatch(r -> r.error() == null) ? 0 : 1;
    }
  }

  @Command(name = "list", description = "List imported settlement lines by shop, business time and bill id.", mixinStandardHelpOptions = true)
  static class ListLines implements Callable<Integer> {
    @ParentCommand SettlementsCommand parent;

    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shopCode;
    @Option(names = "--date", paramLabel = "DAY", description = "Only lines whose business time falls on this Tmall day (GMT+8), e.g. 2026-11-11.")
    String date;
    @Option(names = "--tid", description = "Only lines of this trade.") String tid;
    @Option(names = "--limit", defaultValue = "0", description = "At most this many (default: all).") int limit;

    @Override
    public Integer call() {
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be 0 (all) or positive, got " + limit);
      }
      LocalDate day = null;
      if (date != null) {
        try {
          day = LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("--date must be a day like 2026-11-11, got '" + date + "'");
        }
      }
      var runtime = parent.root.runtime();
      ShopManagement shops = runtime.bean(ShopManagement.class);
      Shop shop = shopCode == null ? null : shop(shops, shopCode);
      List<SettlementEntry> lines = runtime.bean(FinanceManagement.class)
          .lines(shop == null ? null : shop.id(), day, tid, limit == 0 ? Integer.MAX_VALUE : limit);
      Map<Long, String> codes = new HashMap<>();
      shops.list().forEach(s -> codes.put(s.id().value(), s.code()));
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(lines.stream().map(l -> describe(l, codes)).toList());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      long total = 0;
      for (SettlementEntry l : lines) {
        rows.add(List.of(codes.getOrDefault(l.shopId().value(), "?"), l.billId(), l.kind().name(), Output.orDash(l.tid()),
            Output.orDash(l.oid()), Money.formatYuan(l.amountFen()), l.paid() ? "paid" : "unsettled", l.bizTime().toString(),
            Output.orDash(l.payTime())));
        total += l.amountFen();
      }
      out.table(List.of("SHOP", "BILL", "KIND", "TID", "OID", "AMOUNT", "STATUS", "BIZ TIME", "PAY TIME"), rows);
      out.line(lines.size() + " line(s), net " + Money.formatYuan(total));
      return 0;
    }
  }

  private static Shop shop(ShopManagement shops, String code) {
    return shops.findByCode(code)
        .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + code + "' (see 'bridge shop list')"));
  }

  static String describe(SettlementImportResult r) {
    return r.shopCode() + ": " + r.windows() + " window(s), " + r.received() + " line(s) received, " + r.inserted() + " new, "
        + r.updated() + " updated, pulled up to " + Output.orDash(r.pulledUpTo())
        + (r.error() == null ? "" : "; stopped: " + r.error());
  }

  static Map<String, Object> describe(SettlementEntry l, Map<Long, String> codes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shop", codes.getOrDefault(l.shopId().value(), "?"));
    m.put("billId", l.billId());
    m.put("accountId", l.accountId());
    m.put("kind", l.kind().name());
    m.put("tid", l.tid());
    m.put("oid", l.oid());
    m.put("amountFen", l.amountFen());
    m.put("paid", l.paid());
    m.put("bizTime", l.bizTime().toString());
    m.put("payTime", l.payTime() == null ? null : l.payTime().toString());
    return m;
  }
}
