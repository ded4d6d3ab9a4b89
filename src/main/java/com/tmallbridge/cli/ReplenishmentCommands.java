package com.tmallbridge.cli;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.stock.LowStockAlert;
import com.tmallbridge.stock.LowStockPass;
import com.tmallbridge.stock.Replenishment;
import com.tmallbridge.stock.ReplenishmentOverride;
import com.tmallbridge.stock.ReplenishmentQuery;
import com.tmallbridge.stock.ReplenishmentStatus;
import com.tmallbridge.stock.ReplenishmentSuggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code alerts} and {@code replenish}: low-stock alerts and replenishment suggestions, meant to
 * sit under {@code bridge stock}. They take the {@code --json} flag the root command passes down
 * and reach {@link Replenishment} through the root's Spring runtime (or, in tests, a root that
 * implements {@link FacadeSource}).
 */
final class ReplenishmentCommands {
  private ReplenishmentCommands() {}

  /** A root command that hands out the facade directly (tests). */
  interface FacadeSource {
    Replenishment replenishment();
  }

  static Replenishment facade(CommandSpec spec) {
    Object root = spec.root().userObject();
    if (root instanceof BridgeCommand bridge) {
      return bridge.runtime().bean(Replenishment.class);
    }
    if (root instanceof FacadeSource source) {
      return source.replenishment();
    }
    throw new IllegalStateException("command '" + spec.qualifiedName() + "' is not under the bridge command");
  }

  static boolean json(CommandSpec spec) {
    OptionSpec option = spec.findOption("--json");
    return option != null && Boolean.TRUE.equals(option.getValue());
  }

  static Output out(CommandSpec spec) {
    return new Output(spec.commandLine().getOut());
  }

  static String cover(@Nullable BigDecimal days) {
    return days == null ? "∞" : days.toPlainString();
  }

  /** {@code alerts}: lists low-stock alerts, optionally after running a pass. */
  @Command(name = "alerts", description = "Low-stock alerts (default: open ones).", mixinStandardHelpOptions = true)
  static class Alerts implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true) @Nullable Which which;

    static class Which {
      @Option(names = "--open", description = "Only open alerts (the default).") boolean open;
      @Option(names = "--all", description = "Open and closed alerts, newest first.") boolean all;
    }

    @Option(names = "--check", description = "Compare stock with the thresholds first (opens and closes alerts).") boolean check;
    @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: ${DEFAULT-VALUE}).") int limit;

    @Override
    public Integer call() {
      if (limit < 1 || limit > 100_000) {
        throw new IllegalArgumentException("--limit must be between 1 and 100000, got " + limit);
      }
      Replenishment replenishment = facade(spec);
      LowStockPass pass = check ? replenishment.checkLowStock() : null;
      List<LowStockAlert> alerts = replenishment.alerts(which == null || !which.all, limit);
      Output out = out(spec);
      if (json(spec)) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (pass != null) {
          result.put("check", pass);
        }
        result.put("alerts", alerts.stream().map(AlertRow::of).toList());
        out.json(result);
        return pass == null || pass.failures().isEmpty() ? 0 : 1;
      }
      if (pass != null) {
        out.line("checked " + pass.checked() + ", opened " + pass.opened() + ", closed " + pass.closed() + ", open " + pass.open());
        pass.failures().forEach(f -> out.line("failed: " + f));
      }
      List<List<String>> rows = new ArrayList<>();
      for (LowStockAlert a : alerts) {
        rows.add(List.of(Long.toString(a.id()), a.material().value(), a.warehouse(), a.status(), a.openedAt().toString(),
            Long.toString(a.onHandAtOpen()), a.threshold().toPlainString(), cover(a.daysOfCover()),
            Long.toString(a.suggestedQuantity()), Long.toString(a.lastOnHand()), Output.orDash(a.closedAt())));
      }
      out.table(List.of("ID", "MATERIAL", "WAREHOUSE", "STATUS", "OPENED", "ON_HAND", "THRESHOLD", "COVER_DAYS", "SUGGEST",
          "LAST_ON_HAND", "CLOSED"), rows);
      out.line(alerts.size() + " alert(s)");
      return pass == null || pass.failures().isEmpty() ? 0 : 1;
    }
  }

  /** {@code replenish}: the suggestion table. */
  @Command(name = "replenish", description = "Replenishment suggestions per material and warehouse.",
      mixinStandardHelpOptions = true, subcommands = {Settings.class})
  static class Replenish implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--material", paramLabel = "M", description = "Only this ERP material.") @Nullable String material;
    @Option(names = "--warehouse", paramLabel = "W", description = "Only this ERP warehouse.") @Nullable String warehouse;
    @Option(names = "--window-days", paramLabel = "N", description = "Sales window instead of the settings' (what-if).") @Nullable Integer windowDays;
    @Option(names = "--lead-days", paramLabel = "N", description = "Lead time instead of the settings' (what-if).") @Nullable Integer leadDays;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write every row (dead stock too) to this CSV file.") @Nullable Path csv;

    @Override
    public Integer call() {
      ReplenishmentQuery query = new ReplenishmentQuery(material == null ? null : new MaterialCode(material), warehouse, windowDays, leadDays);
      List<SuggestionRow> all = facade(spec).suggestions(query).stream().map(SuggestionRow::of).toList();
      List<SuggestionRow> live = all.stream().filter(r -> !r.status().equals(ReplenishmentStatus.DEAD.name()))
          .sorted(SuggestionRow.URGENT_FIRST).toList();
      List<SuggestionRow> dead = all.stream().filter(r -> r.status().equals(ReplenishmentStatus.DEAD.name())).toList();
      if (csv != null) {
        SuggestionRow.writeCsv(csv, all);
      }
      Output out = out(spec);
      if (json(spec)) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", live);
        result.put("dead", dead);
        out.json(result);
        return 0;
      }
      out.table(SuggestionRow.HEADER, live.stream().map(SuggestionRow::cells).toList());
      long reorder = live.stream().filter(r -> r.status().equals(ReplenishmentStatus.REORDER.name())).count();
      out.line(reorder + " to reorder, " + (live.size() - reorder) + " ok; incoming stock is not counted yet (0)");
      if (!dead.isEmpty()) {
        out.line("");
        out.line("no sales in the window and nothing on hand (" + dead.size() + "):");
        out.table(List.of("MATERIAL", "WAREHOUSE", "ON_HAND"),
            dead.stream().map(r -> List.of(r.material(), r.warehouse(), Long.toString(r.onHand()))).toList());
      }
      if (csv != null) {
        out.line("wrote " + all.size() + " row(s) to " + csv);
      }
      return 0;
    }
  }

  /** {@code replenish settings set|list|clear}. */
  @Command(name = "settings", description = "Replenishment settings per material and warehouse.", mixinStandardHelpOptions = true,
      subcommands = {SetSettings.class, ListSettings.class, ClearSettings.class})
  static class Settings implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getErr());
    }
  }

  @Command(name = "set", description = "Override settings of a material (in one warehouse, or in all).", mixinStandardHelpOptions = true)
  static class SetSettings implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--material", required = true, paramLabel = "M") String material;
    @Option(names = "--warehouse", paramLabel = "W", description = "Only in this warehouse (default: all warehouses).") @Nullable String warehouse;
    @Option(names = "--window-days", paramLabel = "N") @Nullable Integer windowDays;
    @Option(names = "--lead-days", paramLabel = "N") @Nullable Integer leadDays;
    @Option(names = "--safety-days", paramLabel = "N", description = "Safety stock as days of sales (clears --safety-qty).") @Nullable Integer safetyDays;
    @Option(names = "--safety-qty", paramLabel = "Q", description = "Safety stock in units (clears --safety-days).") @Nullable Long safetyQuantity;
    @Option(names = "--coverage-days", paramLabel = "N", description = "Days of sales one order covers.") @Nullable Integer coverageDays;
    @Option(names = "--min-order", paramLabel = "Q", description = "Minimum order quantity.") @Nullable Long minOrder;
    @Option(names = "--pack-size", paramLabel = "Q", description = "Orders are multiples of this.") @Nullable Long packSize;
    @Option(names = "--threshold", paramLabel = "Q", description = "Absolute low-stock threshold (default: the reorder point).") @Nullable Long threshold;

    @Override
    public Integer call() {
      if (java.util.Arrays.asList(windowDays, leadDays, safetyDays, safetyQuantity, coverageDays, minOrder, packSize, threshold)
          .stream().allMatch(java.util.Objects::isNull)) {
        throw new IllegalArgumentException("give at least one setting to store, e.g. --lead-days 10");
      }
      ReplenishmentOverride stored = facade(spec).updateSettings(new ReplenishmentOverride(new MaterialCode(material), warehouse,
          windowDays, leadDays, safetyDays, safetyQuantity, coverageDays, minOrder, packSize, threshold));
      Output out = out(spec);
      if (json(spec)) {
        out.json(SettingsRow.of(stored));
      } else {
        out.line("stored settings of " + material + " in " + (warehouse == null ? "all warehouses" : warehouse));
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List stored settings (unset values inherit).", mixinStandardHelpOptions = true)
  static class ListSettings implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<SettingsRow> rows = facade(spec).storedSettings().stream().map(SettingsRow::of).toList();
      Output out = out(spec);
      if (json(spec)) {
        out.json(rows);
        return 0;
      }
      out.table(SettingsRow.HEADER, rows.stream().map(SettingsRow::cells).toList());
      out.line(rows.size() + " row(s); '-' inherits (warehouse row, then material row, then bridge.stock.replenishment.*)");
      return 0;
    }
  }

  @Command(name = "clear", description = "Remove stored settings so the defaults apply again.", mixinStandardHelpOptions = true)
  static class ClearSettings implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--material", required = true, paramLabel = "M") String material;
    @Option(names = "--warehouse", paramLabel = "W", description = "The row of this warehouse (default: the all-warehouse row).") @Nullable String warehouse;

    @Override
    public Integer call() {
      boolean removed = facade(spec).clearSettings(new MaterialCode(material), warehouse);
      out(spec).line(removed ? "cleared" : "nothing stored for " + material + (warehouse == null ? "" : " in " + warehouse));
      return 0;
    }
  }

  /** One alert as printed. */
  record AlertRow(long id, String material, String warehouse, String status, Instant openedAt, long onHandAtOpen,
      BigDecimal threshold, @Nullable BigDecimal daysOfCover, long suggestedQuantity, long lastOnHand,
      @Nullable Instant closedAt) {

    static AlertRow of(LowStockAlert a) {
      return new AlertRow(a.id(), a.material().value(), a.warehouse(), a.status(), a.openedAt(), a.onHandAtOpen(), a.threshold(),
          a.daysOfCover(), a.suggestedQuantity(), a.lastOnHand(), a.closedAt());
    }
  }

  /** One settings row as printed; null fields inherit. */
  record SettingsRow(String material, @Nullable String warehouse, @Nullable Integer windowDays, @Nullable Integer leadDays,
      @Nullable Integer safetyDays, @Nullable Long safetyQuantity, @Nullable Integer coverageDays,
      @Nullable Long minOrderQuantity, @Nullable Long packSize, @Nullable Long lowStockThreshold) {
    static final List<String> HEADER = List.of("MATERIAL", "WAREHOUSE", "WINDOW", "LEAD", "SAFETY_DAYS", "SAFETY_QTY", "COVERAGE",
        "MIN_ORDER", "PACK", "THRESHOLD");

    static SettingsRow of(ReplenishmentOverride o) {
      return new SettingsRow(o.material().value(), o.warehouse(), o.windowDays(), o.leadDays(), o.safetyDays(), o.safetyQuantity(),
          o.coverageDays(), o.minOrderQuantity(), o.packSize(), o.lowStockThreshold());
    }

    List<String> cells() {
      return List.of(material, warehouse == null ? "(all)" : warehouse, Output.orDash(windowDays), Output.orDash(leadDays),
          Output.orDash(safetyDays), Output.orDash(safetyQuantity), Output.orDash(coverageDays), Output.orDash(minOrderQuantity),
          Output.orDash(packSize), Output.orDash(lowStockThreshold));
    }
  }

  /**
   * One suggestion as printed; {@code daysOfCover} null means infinite.
   */
  record SuggestionRow(String material, String warehouse, String status, boolean lowStock, long onHand, long incoming,
      long delivered, int windowDays, int leadDays, BigDecimal averageDailySales, BigDecimal reorderPoint,
      BigDecimal threshold, @Nullable BigDecimal daysOfCover, long suggestedQuantity) {
    static final List<String> HEADER = List.of("MATERIAL", "WAREHOUSE", "ON_HAND", "SOLD", "WINDOW", "AVG/DAY", "LEAD", "REORDER_AT",
        "THRESHOLD", "COVER_DAYS", "SUGGEST", "STATUS", "LOW");
    static final Comparator<SuggestionRow> URGENT_FIRST = Comparator
        .comparing((SuggestionRow r) -> !r.status().equals(ReplenishmentStatus.REORDER.name()))
        .thenComparing(SuggestionRow::daysOfCover, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(SuggestionRow::material).thenComparing(SuggestionRow::warehouse);

    static SuggestionRow of(ReplenishmentSuggestion s) {
      return new SuggestionRow(s.material().value(), s.warehouse(), s.status().name(), s.lowStock(), s.onHand(), s.incoming(),
          s.delivered(), s.settings().windowDays(), s.settings().leadDays(), s.averageDailySales(), s.reorderPoint(), s.threshold(),
          s.daysOfCover(), s.suggestedQuantity());
    }

    List<String> cells() {
      return List.of(material, warehouse, Long.toString(onHand), Long.toString(delivered), windowDays + "d",
          averageDailySales.toPlainString(), leadDays + "d", reorderPoint.toPlainString(), threshold.toPlainString(), cover(daysOfCover),
          Long.toString(suggestedQuantity), status, lowStock ? "yes" : "");
    }

    static void writeCsv(Path file, List<SuggestionRow> rows) {
      StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
      for (SuggestionRow r : rows) {
        List<String> cells = new ArrayList<>(r.cells());
        cells.set(4, Integer.toString(r.windowDays));
        cells.set(6, Integer.toString(r.leadDays));
        cells.set(9, r.daysOfCover == null ? "" : r.daysOfCover.toPlainString());
        cells.set(12, Boolean.toString(r.lowStock));
        csv.append(String.join(",", cells.stream().map(SuggestionRow::quote).toList())).append("\r\n");
      }
      try {
        Files.writeString(file, csv, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }

    private static String quote(String cell) {
      return cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
  }
}
