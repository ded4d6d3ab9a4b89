package com.tmallbridge.cli;

import com.tmallbridge.stock.Drift;
import com.tmallbridge.stock.Oversell;
import com.tmallbridge.stock.StockLine;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.stock.StockSync;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stock show|push|check|rules}: published stock per listing, pushes, drift and oversell, rules. */
@Command(name = "stock", description = "Sellable stock published to Tmall: show, push, check, rules.", mixinStandardHelpOptions = true,
    subcommands = {
      StockCommand.Show.class, StockCommand.Push.class, StockCommand.Check.class, StockRulesCommand.class,
      ReplenishmentCommands.Alerts.class, ReplenishmentCommands.Replenish.class
    })
class StockCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("stock").usage(root.spec.commandLine().getErr());
  }

  StockManagement stock() {
    return root.runtime().bean(StockManagement.class);
  }

  Output out() {
    return new Output(root.spec.commandLine().getOut());
  }

  @Command(name = "show", description = "On-hand, reserved, safety, sellable, wanted and pushed figure per listing.",
      mixinStandardHelpOptions = true)
  static class Show implements Callable<Integer> {
    @ParentCommand StockCommand parent;
    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shop;
    @Option(names = "--sku", paramLabel = "SKU", description = "Only this item (NUM_IID), SKU (NUM_IID/SKU_ID) or SKU id.") String sku;
    @Option(names = "--material", paramLabel = "CODE", description = "Only listings using this ERP material.") String material;

    @Override
    public Integer call() {
      List<StockLine> lines = parent.stock().show(shop, sku, material);
      if (parent.root.json) {
        parent.out().json(lines);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (StockLine l : lines) {
        rows.add(List.of(l.shopCode(), l.numIid(), l.skuId().isEmpty() ? "-" : l.skuId(), l.components(), Long.toString(l.onHand()),
            Long.toString(l.reserved()), Long.toString(l.safety()), Long.toString(l.sellable()), Long.toString(l.wanted()),
            Output.orDash(l.pushed()) + (l.pending() ? " (queued)" : ""), Output.orDash(l.lastError())));
      }
      parent.out().table(
          List.of("SHOP", "NUM_IID", "SKU_ID", "MATERIALS", "ON_HAND", "RESERVED", "SAFETY", "SELLABLE", "WANTED", "PUSHED", "LAST_ERROR"), rows);
      return 0;
    }
  }

  @Command(name = "push", description = "Push figures to Tmall now, even unchanged ones, then deliver the pushes.",
      mixinStandardHelpOptions = true)
  static class Push implements Callable<Integer> {
    @ParentCommand StockCommand parent;
    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shop;
    @ArgGroup(multiplicity = "1") Target target;

    static class Target {
      @Option(names = "--all", required = true, description = "Every listing (of the shop).") boolean all;
      @Parameters(paramLabel = "SKU", arity = "1..*", description = "NUM_IID (every SKU of the item) or NUM_IID/SKU_ID.") List<String> skus;
    }

    @Override
    public Integer call() {
      StockSync sync = parent.root.runtime().bean(StockSync.class);
      sync.cycle(false);
      int marked = parent.stock().push(shop, target.all ? List.of() : target.skus);
      StockSync.CycleResult result = sync.runOnce();
      long failed = parent.stock().show(shop, null, null).stream().filter(l -> l.lastError() != null).count();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("listings", marked);
      summary.put("delivered", result.delivered());
      summary.put("withError", failed);
      if (parent.root.json) {
        parent.out().json(summary);
      } else {
        parent.out().line("pushed " + marked + " listing(s) in " + result.delivered() + " message(s); " + failed
            + " listing(s) with a push error (see 'bridge stock show')");
      }
      return marked == 0 && !target.all ? 1 : 0;
    }
  }

  @Command(name = "check", description = "Compare what Tmall shows with what should be published; list oversold trades.",
      mixinStandardHelpOptions = true)
  static class Check implements Callable<Integer> {
    @ParentCommand StockCommand parent;
    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shop;
    @Option(names = "--fix", description = "Push the right figure for every difference.") boolean fix;

    @Override
    public Integer call() {
      StockManagement.CheckReport report = parent.stock().check(shop, fix);
      if (fix) {
        parent.root.runtime().bean(StockSync.class).runOnce();
      }
      if (parent.root.json) {
        parent.out().json(report);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (Drift d : report.drifts()) {
        rows.add(List.of(d.shopCode(), d.numIid(), d.skuId().isEmpty() ? "-" : d.skuId(), d.tmall() < 0 ? "missing" : Long.toString(d.tmall()),
            Long.toString(d.shouldBe())));
      }
      parent.out().line(report.drifts().size() + " difference(s)" + (report.fixed() ? ", corrected" : ""));
      if (!rows.isEmpty()) {
        parent.out().table(List.of("SHOP", "NUM_IID", "SKU_ID", "TMALL", "SHOULD_BE"), rows);
      }
      List<List<String>> oversold = new ArrayList<>();
      for (Oversell o : report.oversells()) {
        oversold.add(List.of(o.shopCode(), o.tid(), o.numIid(), o.skuId().isEmpty() ? "-" : o.skuId(), o.material(),
            Long.toString(o.ordered()), Long.toString(o.sellable()), Long.toString(o.shortfall()), o.at().toString()));
      }
      parent.out().line(report.oversells().size() + " oversold trade line(s)");
      if (!oversold.isEmpty()) {
        parent.out().table(List.of("SHOP", "TID", "NUM_IID", "SKU_ID", "MATERIAL", "ORDERED", "SELLABLE", "SHORTFALL", "AT"), oversold);
      }
      return 0;
    }
  }
}
