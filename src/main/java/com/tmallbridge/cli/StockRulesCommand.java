package com.tmallbridge.cli;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.PromotionLock;
import com.tmallbridge.stock.StockRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stock rules list|set|remove|lock|locks|unlock|safety}. */
@Command(name = "rules", description = "Publish rules per shop and SKU, promotion locks, safety stock.", mixinStandardHelpOptions = true,
    subcommands = {StockRulesCommand.ListRules.class, StockRulesCommand.Set.class, StockRulesCommand.Remove.class,
        StockRulesCommand.Lock.class, StockRulesCommand.Locks.class, StockRulesCommand.Unlock.class, StockRulesCommand.Safety.class})
class StockRulesCommand implements Runnable {
  @ParentCommand StockCommand stock;

  @Override
  public void run() {
    stock.root.spec.commandLine().getSubcommands().get("stock").getSubcommands().get("rules").usage(stock.root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "List rules (shop defaults and overrides).", mixinStandardHelpOptions = true)
  static class ListRules implements Callable<Integer> {
    @ParentCommand StockRulesCommand parent;

    @Override
    public Integer call() {
      List<StockRule> rules = parent.stock.stock().rules();
      if (parent.stock.root.json) {
        parent.stock.out().json(rules);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (StockRule r : rules) {
        rows.add(List.of(r.shop().toString(), r.numIid().isEmpty() ? "(shop)" : r.numIid(), r.skuId().isEmpty() ? "-" : r.skuId(),
            r.warehouses() == null ? "-" : String.join(",", r.warehouses()), Output.orDash(r.percent()), Output.orDash(r.fixedAdd()),
            Output.orDash(r.min()), Output.orDash(r.max()), Output.orDash(r.zeroBelow()), Output.orDash(r.safety())));
      }
      parent.stock.out().table(List.of("SHOP", "NUM_IID", "SKU_ID", "WAREHOUSES", "PERCENT", "ADD", "MIN", "MAX", "ZERO_BELOW", "SAFETY"), rows);
      return 0;
    }
  }

  @Command(name = "set", description = "Set the shop default rule, or an item/SKU override (unset fields inherit).",
      mixinStandardHelpOptions = true)
  static class Set implements Callable<Integer> {
    @ParentCommand StockRulesCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--num-iid", description = "Override for this item (omit for the shop default).") String numIid;
    @Option(names = "--sku-id", description = "Override for this SKU of the item.") String skuId;
    @Option(names = "--warehouses", split = ",", paramLabel = "WH", description = "Warehouses that feed the shop (default: all).")
    List<String> warehouses;
    @Option(names = "--percent", description = "Share of sellable stock to publish, 0-100.") Integer percent;
    @Option(names = "--add", description = "Units added after the percentage (may be negative).") Long add;
    @Option(names = "--min", description = "Publish at least this (never above sellable).") Long min;
    @Option(names = "--max", description = "Publish at most this.") Long max;
    @Option(names = "--zero-below", description = "Publish 0 while sellable is below this.") Long zeroBelow;
    @Option(names = "--safety", description = "Units held back from the listing.") Long safety;

    @Override
    public Integer call() {
      Shop s = parent.stock.stock().shop(shop);
      StockRule rule = parent.stock.stock().putRule(new StockRule(s.id(), numIid, skuId, warehouses, percent, add, min, max, zeroBelow, safety));
      if (parent.stock.root.json) {
        parent.stock.out().json(rule);
      } else {
        parent.stock.out().line("rule set for " + shop + (rule.shopDefault() ? " (shop default)" : " " + rule.numIid()
            + (rule.skuId().isEmpty() ? "" : "/" + rule.skuId())) + "; figures change at the next stock cycle ('bridge stock push --all')");
      }
      return 0;
    }
  }

  @Command(name = "remove", description = "Remove a rule.", mixinStandardHelpOptions = true)
  static class Remove implements Callable<Integer> {
    @ParentCommand StockRulesCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--num-iid") String numIid;
    @Option(names = "--sku-id") String skuId;

    @Override
    public Integer call() {
      boolean removed = parent.stock.stock().removeRule(parent.stock.stock().shop(shop).id(), numIid, skuId);
      parent.stock.out().line(removed ? "removed" : "no such rule");
      return removed ? 0 : 1;
    }
  }

  @Command(name = "lock", description = "Hold a quantity for one shop during a promotion window.", mixinStandardHelpOptions = true)
  static class Lock implements Callable<Integer> {
    @ParentCommand StockRulesCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--material", description = "Lock this ERP material.") String material;
    @Option(names = "--num-iid", description = "Lock this listing's materials.") String numIid;
    @Option(names = "--sku-id") String skuId;
    @Option(names = "--quantity", required = true) long quantity;
    @Option(names = "--from", required = true, converter = InstantArgument.class, paramLabel = "TIME") Instant from;
    @Option(names = "--to", required = true, converter = InstantArgument.class, paramLabel = "TIME") Instant to;
    @Option(names = "--note") String note;

    @Override
    public Integer call() {
      Shop s = parent.stock.stock().shop(shop);
      PromotionLock lock = parent.stock.stock().addLock(new PromotionLock(0, s.id(), material == null ? null : new MaterialCode(material),
          numIid, skuId, quantity, from, to, note));
      if (parent.stock.root.json) {
        parent.stock.out().json(lock);
      } else {
        parent.stock.out().line("lock " + lock.id() + ": " + quantity + " held for " + shop + " from " + from + " to " + to);
      }
      return 0;
    }
  }

  @Command(name = "locks", description = "List promotion locks that have not ended (--all: also ended ones).", mixinStandardHelpOptions = true)
  static class Locks implements Callable<Integer> {
    @ParentCommand StockRulesCommand parent;
    @Option(names = "--all") boolean all;

    @Override
    public Integer call() {
      List<PromotionLock> locks = parent.stock.stock().locks(all);
      if (parent.stock.root.json) {
        parent.stock.out().json(locks);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (PromotionLock l : locks) {
        rows.add(List.of(Long.toString(l.id()), l.shop().toString(), l.material() != null ? l.material().value()
            : l.numIid() + (l.skuId() == null || l.skuId().isEmpty() ? "" : "/" + l.skuId()), Long.toString(l.quantity()),
            l.from().toString(), l.to().toString(), Output.orDash(l.note())));
      }
      parent.stock.out().table(List.of("ID", "SHOP", "TARGET", "QUANTITY", "FROM", "TO", "NOTE"), rows);
      return 0;
    }
  }

  @Command(name = "unlock", description = "Remove a promotion lock.", mixinStandardHelpOptions = true)
  static class Unlock implements Callable<Integer> {
    @ParentCommand StockRulesCommand parent;
    @Parameters(paramLabel = "ID") long id;

    @Override
    public Integer call() {
      boolean removed = parent.stock.stock().removeLock(id);
      parent.stock.out().line(removed ? "removed" : "no such lock");
      return removed ? 0 : 1;
    }
  }

  @Command(name = "safety", description = "Set the safety stock of an ERP material (0 removes it).", mixinStandardHelpOptions = true)
  static class Safety implements Callable<Integer> {
    @ParentCommand StockRulesCommand parent;
    @Option(names = "--material", required = true) String material;
    @Option(names = "--quantity", required = true) long quantity;

    @Override
    public Integer call() {
      parent.stock.stock().putSafety(new MaterialCode(material), quantity);
      parent.stock.out().line("safety stock of " + material + " set to " + quantity);
      return 0;
    }
  }
}
