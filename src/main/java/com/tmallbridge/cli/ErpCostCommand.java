package com.tmallbridge.cli;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.Money;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code erp cost --material M --cost YUAN}: the built-in ERP's standard cost of a material, for the margin report. */
@Command(name = "cost", description = "Set the standard cost of one unit of a material in the built-in ERP (for 'report margin').",
    mixinStandardHelpOptions = true)
class ErpCostCommand implements Callable<Integer> {
  @ParentCommand ErpCommand parent;

  @Option(names = "--material", required = true, paramLabel = "CODE", description = "The material code.") String material;
  @Option(names = "--cost", required = true, paramLabel = "YUAN", description = "Cost of one unit in yuan, e.g. 12.50.") String cost;

  @Override
  public Integer call() {
    long costFen;
    try {
      costFen = Money.parseYuan(cost);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cost " + cost + ": " + e.getMessage() + "; give yuan with at most 2 decimals, e.g. 12.50");
    }
    if (costFen < 0) {
      throw new IllegalArgumentException("--cost " + cost + " is negative: a standard cost is 0 or more");
    }
    ErpRegistry registry = parent.root.runtime().bean(ErpRegistry.class);
    if (!registry.activeId().equals("embedded")) {
      throw new IllegalArgumentException("the active ERP is '" + registry.activeId() + "': set the cost in that ERP (Tryton: the"
          + " product's cost price); the margin report reads it from there");
    }
    MaterialCatalog catalog = registry.capability(MaterialCatalog.class);
    Material found = catalog.find(List.of(new MaterialCode(material.strip()))).stream().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no active material '" + material + "' in the ERP"));
    catalog.upsertMaterial(new Material(found.code(), found.name(), found.unit(), found.salePriceFen(), costFen));
    new Output(parent.root.spec.commandLine().getOut()).line("material " + found.code().value() + ": standard cost " + Money.formatYuan(costFen));
    return 0;
  }
}
