package com.tmallbridge.cli;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.product.Combo;
import com.tmallbridge.product.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code products combos list|set|remove}: combo SKUs (组合装). */
@Command(name = "combos", description = "Combo SKUs (组合装): a code that stands for several ERP materials.", mixinStandardHelpOptions = true,
    subcommands = {CombosCommand.ListCombos.class, CombosCommand.Set.class, CombosCommand.Remove.class})
class CombosCommand implements Runnable {
  @ParentCommand ProductsCommand products;

  @Override
  public void run() {
    products.root.spec.commandLine().getSubcommands().get("products").getSubcommands().get("combos")
        .usage(products.root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "List combos.", mixinStandardHelpOptions = true)
  static class ListCombos implements Callable<Integer> {
    @ParentCommand CombosCommand parent;

    @Override
    public Integer call() {
      List<Combo> all = parent.products.products().combos();
      if (parent.products.root.json) {
        parent.products.out().json(all);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      all.forEach(c -> rows.add(List.of(c.code(),
          c.components().stream().map(p -> p.material() + " x" + p.quantity()).collect(Collectors.joining(", ")))));
      parent.products.out().table(List.of("CODE", "COMPONENTS"), rows);
      return 0;
    }
  }

  @Command(name = "set", description = "Create or replace a combo.", mixinStandardHelpOptions = true)
  static class Set implements Callable<Integer> {
    @ParentCommand CombosCommand parent;
    @Option(names = "--code", required = true, description = "The combo's code (its merchant code on Tmall, or a mapping target).") String code;
    @Option(names = "--component", required = true, paramLabel = "MATERIAL[:QTY]",
        description = "A component material and units per combo (default 1); repeat for each.") List<String> components;

    @Override
    public Integer call() {
      List<Component> list = new ArrayList<>();
      for (String c : components) {
        list.add(component(c));
      }
      parent.products.products().setCombo(new Combo(code, list));
      parent.products.out().line("combo " + code + " = " + components + "; listings matched again");
      return 0;
    }

    private static Component component(String text) {
      int colon = text.lastIndexOf(':');
      String material = colon < 0 ? text : text.substring(0, colon);
      String qty = colon < 0 ? "1" : text.substring(colon + 1);
      if (material.isBlank() || !qty.matches("\\d{1,6}") || Integer.parseInt(qty) < 1) {
        throw new IllegalArgumentException("--component '" + text + "': expected MATERIAL or MATERIAL:QTY with QTY at least 1");
      }
      return new Component(new MaterialCode(material), Integer.parseInt(qty));
    }
  }

  @Command(name = "remove", description = "Remove a combo.", mixinStandardHelpOptions = true)
  static class Remove implements Callable<Integer> {
    @ParentCommand CombosCommand parent;
    @Option(names = "--code", required = true) String code;

    @Override
    public Integer call() {
      parent.products.products().removeCombo(code);
      parent.products.out().line("removed combo " + code);
      return 0;
    }
  }
}
