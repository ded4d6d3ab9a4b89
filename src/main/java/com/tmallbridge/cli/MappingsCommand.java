package com.tmallbridge.cli;

import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.product.SkuMapping;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code mappings add|list|remove}: explicit Tmall SKU to ERP material mappings. */
@Command(name = "mappings", description = "Explicit Tmall item/SKU to ERP material mappings (override merchant codes).",
    mixinStandardHelpOptions = true, subcommands = {MappingsCommand.Add.class, MappingsCommand.ListMappings.class, MappingsCommand.Remove.class})
class MappingsCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("mappings").usage(root.spec.commandLine().getErr());
  }

  static Shop shop(BridgeCommand root, String code) {
    return root.runtime().bean(ShopManagement.class).findByCode(code)
        .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + code + "' (see 'bridge shop list')"));
  }

  @Command(name = "add", description = "Map an item (and SKU) to a material.", mixinStandardHelpOptions = true)
  static class Add implements Callable<Integer> {
    @ParentCommand MappingsCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--num-iid", required = true, description = "Tmall item id.") String numIid;
    @Option(names = "--sku-id", description = "Tmall SKU id (omit for items without SKUs).") String skuId;
    @Option(names = "--material", required = true, description = "ERP material code.") String material;

    @Override
    public Integer call() {
      Shop s = shop(parent.root, shop);
      parent.root.runtime().bean(ProductManagement.class).putMapping(s.id(), numIid, skuId, material);
      new Output(parent.root.spec.commandLine().getOut()).line("mapped " + numIid + (skuId == null ? "" : "/" + skuId) + " -> " + material
          + "; retry held trades with 'bridge exceptions retry --all'");
      return 0;
    }
  }

  @Command(name = "list", description = "List mappings.", mixinStandardHelpOptions = true)
  static class ListMappings implements Callable<Integer> {
    @ParentCommand MappingsCommand parent;

    @Override
    public Integer call() {
      List<SkuMapping> all = parent.root.runtime().bean(ProductManagement.class).mappings();
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(all);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      all.forEach(m -> rows.add(List.of(m.shop().toString(), m.numIid(), Output.orDash(m.skuId().isEmpty() ? null : m.skuId()), m.code())));
      out.table(List.of("SHOP", "NUM_IID", "SKU_ID", "MATERIAL"), rows);
      return 0;
    }
  }

  @Command(name = "remove", description = "Remove a mapping.", mixinStandardHelpOptions = true)
  static class Remove implements Callable<Integer> {
    @ParentCommand MappingsCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--num-iid", required = true) String numIid;
    @Option(names = "--sku-id") String skuId;

    @Override
    public Integer call() {
      Shop s = shop(parent.root, shop);
      boolean removed = parent.root.runtime().bean(ProductManagement.class).removeMapping(s.id(), numIid, skuId);
      new Output(parent.root.spec.commandLine().getOut()).line(removed ? "removed" : "no such mapping");
      return removed ? 0 : 1;
    }
  }
}
