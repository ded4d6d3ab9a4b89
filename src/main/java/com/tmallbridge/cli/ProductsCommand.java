package com.tmallbridge.cli;

import com.tmallbridge.core.Money;
import com.tmallbridge.product.BatchOutcome;
import com.tmallbridge.product.ListingView;
import com.tmallbridge.product.MatchResult;
import com.tmallbridge.product.Mismatch;
import com.tmallbridge.product.MismatchReport;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.product.SkuMatch;
import com.tmallbridge.shop.Shop;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code products match|report|list|map|create-materials|combos|gifts}: Tmall listings against ERP materials. */
@Command(name = "products", description = "Tmall items and SKUs against ERP materials: match, mismatch report, fixes, combos, gifts.",
    mixinStandardHelpOptions = true,
    subcommands = {ProductsCommand.Match.class, ProductsCommand.Report.class, ProductsCommand.ListListings.class,
      ProductsCommand.Map.class, ProductsCommand.CreateMaterials.class, CombosCommand.class, GiftsCommand.class})
class ProductsCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("products").usage(root.spec.commandLine().getErr());
  }

  ProductManagement products() {
    return root.runtime().bean(ProductManagement.class);
  }

  Output out() {
    return new Output(root.spec.commandLine().getOut());
  }

  Shop shop(String code) {
    return MappingsCommand.shop(root, code);
  }

  @Command(name = "match", description = "Read every item on sale with its SKUs from Tmall and match them to ERP materials.",
      mixinStandardHelpOptions = true)
  static class Match implements Callable<Integer> {
    @ParentCommand ProductsCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;

    @Override
    public Integer call() {
      Shop s = parent.shop(shop);
      var err = parent.root.spec.commandLine().getErr();
      boolean terminal = System.console() != null;
      MatchResult r = parent.products().match(s.id(), (phase, done, total) -> {
        if (terminal) {
          err.print("\r[products] " + phase + " " + done + (total < 0 ? "" : "/" + total) + "      ");
          err.flush();
        }
      });
      if (terminal) {
        err.println();
      }
      if (parent.root.json) {
        parent.out().json(r);
      } else {
        parent.out().line("shop " + r.shopCode() + ": " + r.items() + " items on sale, " + r.listings() + " SKUs, " + r.matched()
            + " matched " + r.bySource() + ", " + r.unmatched() + " unmatched, " + r.goneFromSale() + " no longer on sale, "
            + r.categoriesNamed() + " categories named (" + r.elapsedMs() + " ms)");
        if (r.categoryProblem() != null) {
          parent.out().line("category names not read (sales by category shows the cids only until the next products match): "
              + r.categoryProblem());
        }
        if (r.unmatched() > 0) {
          parent.out().line("see 'bridge products report --shop " + r.shopCode() + "' for what to fix");
        }
      }
      return 0;
    }
  }

  @Command(name = "report", description = "Mismatch report: SKUs without merchant code, unknown and duplicate codes, price differences, broken combos.",
      mixinStandardHelpOptions = true)
  static class Report implements Callable<Integer> {
    @ParentCommand ProductsCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--tolerance", paramLabel = "PERCENT", description = "Price tolerance in percent (default bridge.product.price-tolerance-percent).")
    BigDecimal tolerance;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the lines as CSV (UTF-8) to FILE.") Path csv;

    @Override
    public Integer call() throws IOException {
      MismatchReport r = parent.products().report(parent.shop(shop).id(), tolerance);
      if (csv != null) {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
          w.write('\uFEFF');
          r.writeCsv(w);
        }
      }
      Output out = parent.out();
      if (parent.root.json) {
        out.json(java.util.Map.of("report", r, "counts", r.counts()));
        return 0;
      }
      if (r.note() != null) {
        out.line("note: " + r.note());
      }
      out.line("shop " + r.shopCode() + ": " + r.listings() + " SKUs on sale, " + r.lines().size() + " problems " + r.counts());
      for (Mismatch m : r.lines()) {
        out.line(m.category() + "  " + (m.numIid() == null ? "" : m.numIid() + (m.skuId().isEmpty() ? "" : "/" + m.skuId()) + "  ")
            + Output.orDash(m.outerId()) + "  " + m.title());
        out.line("    wrong: " + m.problem());
        out.line("    to do: " + m.advice());
      }
      if (csv != null) {
        out.line("written " + csv);
      }
      return 0;
    }
  }

  @Command(name = "list", description = "The listings stored by the last match, with what each matched.", mixinStandardHelpOptions = true)
  static class ListListings implements Callable<Integer> {
    @ParentCommand ProductsCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;

    @Override
    public Integer call() {
      List<ListingView> all = parent.products().listings(parent.shop(shop).id());
      if (parent.root.json) {
        parent.out().json(all);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      all.forEach(l -> rows.add(List.of(l.numIid(), Output.orDash(l.skuId().isEmpty() ? null : l.skuId()), Output.orDash(l.outerId()),
          Money.formatYuan(l.priceFen()), l.onSale() ? "yes" : "no", Output.orDash(l.matchSource()), Output.orDash(l.matchCode()),
          Output.orDash(l.matchProblem()))));
      parent.out().table(List.of("NUM_IID", "SKU_ID", "OUTER_ID", "PRICE", "ON_SALE", "MATCHED_BY", "CODE", "PROBLEM"), rows);
      return 0;
    }
  }

  @Command(name = "map", description = "Map an item/SKU by hand to a material or combo, or apply a CSV of num_iid,sku_id,material rows.",
      mixinStandardHelpOptions = true)
  static class Map implements Callable<Integer> {
    @ParentCommand ProductsCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--item", paramLabel = "NUM_IID", description = "Tmall item id.") String item;
    @Option(names = "--sku", paramLabel = "SKU_ID", description = "Tmall SKU id (omit for items without SKUs).") String sku;
    @ArgGroup(exclusive = true, multiplicity = "1") Target target;

    static class Target {
      @Option(names = "--material", paramLabel = "CODE", description = "ERP material code.") String material;
      @Option(names = "--combo", paramLabel = "CODE", description = "Combo code (products combos list).") String combo;
      @Option(names = "--csv", paramLabel = "FILE", description = "Rows num_iid,sku_id,material; a bad row is reported and skipped.") Path csv;
    }

    @Override
    public Integer call() throws IOException {
      Shop s = parent.shop(shop);
      if (target.csv != null) {
        return csv(s);
      }
      if (item == null || !item.matches("\\d+")) {
        throw new IllegalArgumentException("--item NUM_IID (a number) is required with --material or --combo");
      }
      boolean combo = target.combo != null;
      SkuMatch m = parent.products().map(s.id(), item, sku, combo ? target.combo : target.material, combo);
      parent.out().line("mapped " + item + (sku == null ? "" : "/" + sku) + " -> " + (combo ? "combo " + target.combo : target.material)
          + (m.matched() ? "" : "; warning: " + m.problem()) + "; retry held trades with 'bridge exceptions retry --all'");
      return 0;
    }

    private int csv(Shop s) throws IOException {
      BatchOutcome outcome;
      try (Reader r = Files.newBufferedReader(target.csv, StandardCharsets.UTF_8)) {
        outcome = parent.products().importMappings(s.id(), r);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("--csv: no such file " + target.csv);
      }
      print(parent, outcome);
      return outcome.failed() == 0 ? 0 : 1;
    }
  }

  @Command(name = "create-materials", description = "Create ERP materials for merchant codes that match nothing (code, title + properties, Tmall price).",
      mixinStandardHelpOptions = true)
  static class CreateMaterials implements Callable<Integer> {
    @ParentCommand ProductsCommand parent;
    @Option(names = "--shop", required = true, paramLabel = "CODE") String shop;
    @Option(names = "--dry-run", description = "Only show what would be created.") boolean dryRun;

    @Override
    public Integer call() {
      print(parent, parent.products().createMissingMaterials(parent.shop(shop).id(), dryRun));
      return 0;
    }
  }

  static void print(ProductsCommand parent, BatchOutcome outcome) {
    if (parent.root.json) {
      parent.out().json(outcome);
      return;
    }
    outcome.lines().forEach(parent.out()::line);
    parent.out().line(outcome.applied() + " applied, " + outcome.failed() + " refused");
  }
}
