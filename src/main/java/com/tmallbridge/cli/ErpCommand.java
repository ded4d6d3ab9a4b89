package com.tmallbridge.cli;

import com.tmallbridge.core.BridgeException;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.StockLedger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code erp list|check|cost}. */
@Command(name = "erp", description = "List the ERP connectors and check the configured one.", mixinStandardHelpOptions = true,
    subcommands = {ErpCommand.ListConnectors.class, ErpCommand.Check.class, ErpCostCommand.class})
class ErpCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("erp").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "The ERP connectors this build knows, which one is active, and what each can do.",
      mixinStandardHelpOptions = true)
  static class ListConnectors implements Callable<Integer> {
    @ParentCommand ErpCommand parent;

    @Override
    public Integer call() {
      ErpRegistry registry = parent.root.runtime().bean(ErpRegistry.class);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      List<Map<String, Object>> described = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      for (ErpConnector c : registry.all()) {
        List<String> capabilities = ErpRegistry.capabilitiesOf(c).stream().map(Class::getSimpleName).toList();
        boolean active = c.id().equals(registry.activeId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.displayName());
        m.put("active", active);
        m.put("locality", c.locality().name());
        m.put("capabilities", capabilities);
        described.add(m);
        rows.add(List.of(active ? "*" : "", c.id(), c.displayName(), c.locality().name(), String.join(", ", capabilities)));
      }
      if (parent.root.json) {
        out.json(described);
      } else {
        out.table(List.of("", "ID", "NAME", "WRITES", "CAPABILITIES"), rows);
        out.line("active: bridge.erp.active=" + registry.activeId());
      }
      return 0;
    }
  }

  @Command(name = "check", description = "Log in to the ERP and read from it once per capability that reads; "
      + "exit 1 when a step fails.", mixinStandardHelpOptions = true)
  static class Check implements Callable<Integer> {
    @ParentCommand ErpCommand parent;

    @Option(names = "--id", description = "The connector to check (default: the active one, bridge.erp.active).") String id;

    @Override
    public Integer call() {
      ErpRegistry registry = parent.root.runtime().bean(ErpRegistry.class);
      ErpConnector connector = id == null ? registry.active() : registry.all().stream().filter(c -> c.id().equals(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--id " + id + " is no known ERP connector; see 'bridge erp list'"));
      Output out = new Output(parent.root.spec.commandLine().getOut());
      List<Map<String, Object>> steps = new ArrayList<>();
      ErpConnector.Health health = connector.check();
      steps.add(step("login", health.ok(), health.detail()));
      if (health.ok() && connector instanceof MaterialCatalog catalog) {
        steps.add(read("read materials", () -> {
          List<Material> page = catalog.materialsAfter(null, 1);
          return page.isEmpty() ? "the catalogue is empty" : "first material " + page.get(0).code().value();
        }));
      }
      if (health.ok() && connector instanceof StockLedger ledger) {
        steps.add(read("read warehouses", () -> "warehouses " + ledger.warehouses()));
      }
      boolean ok = steps.stream().allMatch(s -> (Boolean) s.get("ok"));
      if (parent.root.json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("connector", connector.id());
        result.put("ok", ok);
        result.put("steps", steps);
        out.json(result);
      } else {
        out.line("ERP " + connector.id() + " (" + connector.displayName() + ")");
        steps.forEach(s -> out.line("  " + (((Boolean) s.get("ok")) ? "PASSED " : "FAILED ") + s.get("step") + ": " + s.get("detail")));
        out.line(ok ? "ERP check PASSED" : "ERP check FAILED");
      }
      return ok ? 0 : 1;
    }

    private static Map<String, Object> read(String name, Supplier<String> call) {
      try {
        return step(name, true, call.get());
      } catch (BridgeException e) {
        return step(name, false, e.errorCode().code() + " " + e.getMessage());
      } catch (RuntimeException e) {
        return step(name, false, String.valueOf(e.getMessage()));
      }
    }

    private static Map<String, Object> step(String name, boolean ok, String detail) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", name);
      m.put("ok", ok);
      m.put("detail", detail);
      return m;
    }
  }
}
