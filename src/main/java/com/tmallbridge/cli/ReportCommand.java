package com.tmallbridge.cli;

import com.tmallbridge.core.Money;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.finance.ReportCsv;
import com.tmallbridge.finance.ReportRange;
import com.tmallbridge.finance.ReportTable;
import com.tmallbridge.finance.ReportWorkbook;
import com.tmallbridge.finance.SalesGrouping;
import com.tmallbridge.finance.SalesReports;
import com.tmallbridge.shop.ShopManagement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code report sales|refunds|fees}: the money reports of a date range as a table, CSV or Excel. */
@Command(name = "report", description = "Sales, margin, refund and fee reports over a date range (China Standard Time days).",
    mixinStandardHelpOptions = true, subcommands = {ReportCommand.Sales.class, ReportCommand.Margin.class, ReportCommand.Refunds.class,
        ReportCommand.Fees.class})
class ReportCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("report").usage(root.spec.commandLine().getErr());
  }

  /** The options every report takes. */
  static class RangeOptions {
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, yyyy-MM-dd (China Standard Time).")
    String from;
    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, included, yyyy-MM-dd.") String to;
    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop (default: every shop).") String shop;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write this report as CSV (UTF-8 with BOM) to FILE.") Path csv;
    @Option(names = "--xlsx", paramLabel = "FILE",
        description = "Also write every report of the range (one sheet each, with totals, and a chart sheet) to FILE.") Path xlsx;

    ReportRange range() {
      return new ReportRange(date("--from", from), date("--to", to));
    }

    private static LocalDate date(String flag, String text) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(flag + " " + text + " is not a date: give it as yyyy-MM-dd, e.g. 2026-11-01");
      }
    }
  }

  @Command(name = "sales", description = "Sales of the trades paid in the range, by day, shop, sku, category or province.",
      mixinStandardHelpOptions = true)
  static class Sales implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @Mixin RangeOptions options;
    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "day",
        description = "day, shop, sku, category or province (default: ${DEFAULT-VALUE}).") String by;

    @Override
    public Integer call() {
      SalesGrouping grouping = SalesGrouping.parse(by);
      return report(parent, options, (reports, range, shops) -> reports.sales(range, shops, grouping));
    }
  }

  @Command(name = "margin", description = "Margin per SKU of the trades paid in the range, for materials with a standard cost in the ERP.",
      mixinStandardHelpOptions = true)
  static class Margin implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @Mixin RangeOptions options;

    @Override
    public Integer call() {
      long[] unknown = new long[1];
      int code = report(parent, options, (reports, range, shops) -> {
        ReportTable margin = reports.margin(range, shops);
        ReportTable skus = reports.sales(range, shops, SalesGrouping.SKU);
        unknown[0] = skus.totals().value(skus.column("goods")) - margin.totals().value(margin.column("goods"));
        return margin;
      });
      if (!parent.root.json) {
        new Output(parent.root.spec.commandLine().getOut()).line("goods without a standard cost (not in this table): "
            + Money.formatYuan(unknown[0]) + " (set costs with 'bridge erp cost')");
      }
      return code;
    }
  }

  @Command(name = "refunds", description = "Refunds that succeeded in the range, by the buyer's reason.", mixinStandardHelpOptions = true)
  static class Refunds implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @Mixin RangeOptions options;

    @Override
    public Integer call() {
      return report(parent, options, (reports, range, shops) -> reports.refunds(range, shops));
    }
  }

  @Command(name = "fees", description = "Settlement lines of the range by day: income, fees, refunds, net and unsettled.",
      mixinStandardHelpOptions = true)
  static class Fees implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @Mixin RangeOptions options;

    @Override
    public Integer call() {
      return report(parent, options, (reports, range, shops) -> reports.fees(range, shops));
    }
  }

  private static @Nullable List<ShopId> shops(ReportCommand parent, RangeOptions options) {
    if (options.shop == null) {
      return null;
    }
    return List.of(parent.root.runtime().bean(ShopManagement.class).findByCode(options.shop.strip())
        .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + options.shop + "' (see 'bridge shop list')")).id());
  }

  private static int report(ReportCommand parent, RangeOptions options, Query query) {
    ReportRange range = options.range();
    List<ShopId> shops = shops(parent, options);
    SalesReports reports = parent.root.runtime().bean(SalesReports.class);
    ReportTable table = query.run(reports, range, shops);
    if (options.csv != null) {
      write(options.csv, out -> ReportCsv.write(table, out));
    }
    if (options.xlsx != null) {
      write(options.xlsx, out -> new ReportWorkbook(ReportWorkbook::plainLabel).write(reports.all(range, shops), out));
    }
    Output out = new Output(parent.root.spec.commandLine().getOut());
    if (parent.root.json) {
      out.json(describe(table, range));
      return 0;
    }
    List<List<String>> rows = new ArrayList<>();
    table.rows().forEach(r -> rows.add(table.texts(r)));
    rows.add(table.texts(table.totals()));
    out.table(table.header().stream().map(h -> h.toUpperCase(Locale.ROOT)).toList(), rows);
    out.line(table.id() + " " + range + (options.shop == null ? ", every shop" : ", shop " + options.shop) + ", money in yuan");
    return 0;
  }

  /** The table as JSON: money as yuan text with two decimals (exact), counts as numbers. */
  private static Map<String, Object> describe(ReportTable table, ReportRange range) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("report", table.id());
    m.put("from", range.from().toString());
    m.put("to", range.to().toString());
    m.put("rows", table.rows().stream().map(r -> row(table, r.keys(), r.values())).toList());
    m.put("totals", row(table, table.totals().keys(), table.totals().values()));
    return m;
  }

  private static Map<String, Object> row(ReportTable table, List<String> keys, List<Long> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      m.put(table.keyColumns().get(i), keys.get(i));
    }
    for (int i = 0; i < values.size(); i++) {
      var column = table.columns().get(i);
      m.put(column.id(), column.money() ? column.format(values.get(i)) : values.get(i));
    }
    return m;
  }

  /** One report of the range for the shops (null: every shop). */
  private interface Query {
    ReportTable run(SalesReports reports, ReportRange range, @Nullable List<ShopId> shops);
  }

  private interface FileContent {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void write(Path file, FileContent content) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("cannot write " + file + ": its directory does not exist");
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      content.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
