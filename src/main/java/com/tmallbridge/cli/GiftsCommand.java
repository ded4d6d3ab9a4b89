package com.tmallbridge.cli;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.Money;
import com.tmallbridge.product.GiftRule;
import com.tmallbridge.shop.Shop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code products gifts list|add|remove}: gift rules (赠品). */
@Command(name = "gifts", description = "Gift rules (赠品): zero-priced lines added to matching paid trades.", mixinStandardHelpOptions = true,
    subcommands = {GiftsCommand.ListGifts.class, GiftsCommand.Add.class, GiftsCommand.Remove.class})
class GiftsCommand implements Runnable {
  @ParentCommand ProductsCommand products;

  @Override
  public void run() {
    products.root.spec.commandLine().getSubcommands().get("products").getSubcommands().get("gifts")
        .usage(products.root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "List gift rules.", mixinStandardHelpOptions = true)
  static class ListGifts implements Callable<Integer> {
    @ParentCommand GiftsCommand parent;

    @Override
    public Integer call() {
      List<GiftRule> all = parent.products.products().giftRules();
      if (parent.products.root.json) {
        parent.products.out().json(all);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      all.forEach(r -> rows.add(List.of(Long.toString(r.id()), r.shop().toString(), trigger(r), Money.formatYuan(r.minPaymentFen()),
          Output.orDash(r.validFrom()), Output.orDash(r.validTo()), r.gift().value(), r.quantity() + (r.perUnit() ? " per unit" : " per trade"),
          r.active() ? "yes" : "no")));
      parent.products.out().table(List.of("ID", "SHOP", "TRIGGER", "MIN_PAYMENT", "FROM", "TO", "GIFT", "QUANTITY", "ACTIVE"), rows);
      return 0;
    }

    private static String trigger(GiftRule r) {
      return switch (r.trigger()) {
        case ANY -> "any";
        case SKU -> "item " + r.triggerNumIid() + (r.triggerSkuId() == null ? "" : "/" + r.triggerSkuId());
        case MATERIAL -> "material " + r.triggerCode();
      };
    }
  }

  @Command(name = "add", description = "Add a gift rule.", mixinStandardHelpOptions = true)
  static class Add implements Callable<Integer> {
    @ParentCommand GiftsCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--gift", required = true, paramLabel = "MATERIAL", description = "The ERP material given.") String gift;
    @Option(names = "--quantity", defaultValue = "1", description = "Units given (default 1).") int quantity;
    @Option(names = "--per-unit", description = "Give --quantity per unit of the triggering lines instead of per trade.") boolean perUnit;
    @Option(names = "--item", paramLabel = "NUM_IID", description = "Trigger: trades with this item ...") String item;
    @Option(names = "--sku", paramLabel = "SKU_ID", description = "... and this SKU.") String sku;
    @Option(names = "--trigger-material", paramLabel = "CODE", description = "Trigger: trades with this material or combo.") String material;
    @Option(names = "--min-payment", paramLabel = "YUAN", description = "Only trades paying at least this much, e.g. 199.00.") String minPayment;
    @Option(names = "--from", converter = InstantArgument.class, description = "Paid at or after (GMT+8 or ISO).") Instant from;
    @Option(names = "--to", converter = InstantArgument.class, description = "Paid before (GMT+8 or ISO).") Instant to;

    @Override
    public Integer call() {
      Shop s = MappingsCommand.shop(parent.products.root, shop);
      if (item != null && material != null) {
        throw new IllegalArgumentException("give either --item or --trigger-material, not both");
      }
      if (sku != null && item == null) {
        throw new IllegalArgumentException("--sku needs --item");
      }
      GiftRule.Trigger trigger = item != null ? GiftRule.Trigger.SKU : material != null ? GiftRule.Trigger.MATERIAL : GiftRule.Trigger.ANY;
      long min = minPayment == null ? 0 : parseYuan(minPayment);
      GiftRule added = parent.products.products().addGiftRule(new GiftRule(0, s.id(), trigger, item, sku, material, min, from, to,
          new MaterialCode(gift), quantity, perUnit, true));
      parent.products.out().line("added gift rule " + added.id() + " (ERP line id " + added.lineId() + ")");
      return 0;
    }

    private static long parseYuan(String text) {
      try {
        return Money.parseYuan(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("--min-payment '" + text + "' is not an amount in yuan such as 199.00");
      }
    }
  }

  @Command(name = "remove", description = "Remove a gift rule.", mixinStandardHelpOptions = true)
  static class Remove implements Callable<Integer> {
    @ParentCommand GiftsCommand parent;
    @Option(names = "--id", required = true) long id;

    @Override
    public Integer call() {
      parent.products.products().removeGiftRule(id);
      parent.products.out().line("removed gift rule " + id);
      return 0;
    }
  }
}
