package com.tmallbridge.cli;

import com.tmallbridge.golive.GoLiveCheck;
import com.tmallbridge.golive.GoLiveOptions;
import com.tmallbridge.golive.GoLiveReport;
import com.tmallbridge.golive.GoLiveSandbox;
import com.tmallbridge.golive.GoLiveStep;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code golive}: the go-live check (对接流程测试) against the configured ERP through a sandbox shop. */
@Command(name = "golive", mixinStandardHelpOptions = true,
    description = {"Prove the configured ERP connection before switching a real shop on: through a sandbox shop, log in,",
        "check the test material, book stock in, create an order from a paid trade, ship it in the ERP, write the tracking",
        "number back to Tmall and return it. Prints each step PASSED, FAILED (with the ERP's message) or SKIPPED.",
        "Runs on its own H2 database in DIR/golive (wiped at start); the ERP is the one configured (--config, bridge.erp.*).",
        "Exit status 0 only when every step passed."})
class GoLiveCommand implements Callable<Integer> {
  @ParentCommand BridgeCommand root;

  @Option(names = "--shop", defaultValue = "GOLIVE",
      description = "Code of the sandbox shop; the ERP's documents carry it (default: ${DEFAULT-VALUE}). Not a real shop's code.")
  String shop;

  @Option(names = "--material", description = "An existing ERP material to sell (default: create " + GoLiveCheck.DEFAULT_MATERIAL + ").")
  String material;

  @Option(names = "--warehouse", description = "ERP warehouse that receives and ships (default: the ERP's first).")
  String warehouse;

  @Override
  public Integer call() throws Exception {
    if (root.dbUrl != null) {
      throw new IllegalArgumentException("golive runs on its own H2 database under --data; drop --db-url");
    }
    GoLiveOptions options = new GoLiveOptions(shop, material, warehouse);
    Path dir = root.data.resolve("golive");
    BenchCommand.wipe(dir);
    Output out = new Output(root.spec.commandLine().getOut());
    try (TmallSandbox sandbox = GoLiveSandbox.start(Clock.systemUTC());
        SpringRuntime runtime = root.configured(new SpringRuntime(dir, null, null, null)
            .with("logging.file.name", dir.resolve("bridge.log").toString()))) {
      GoLiveReport report = runtime.bean(GoLiveCheck.class).run(sandbox, options, step -> {
        if (!root.json) {
          out.line(line(step));
        }
      });
      runtime.bean(OrderSync.class).stop();
      if (root.json) {
        out.json(report.toMap());
      } else {
        report.created().forEach(c -> out.line("  created: " + c));
        out.line("go-live check " + (report.passed() ? "PASSED" : "FAILED") + " against ERP '" + report.connector() + "' (shop "
            + report.shopCode() + ", reference " + report.reference() + ")");
      }
      return report.passed() ? 0 : 1;
    }
  }

  private static String line(GoLiveStep step) {
    String time = step.outcome() == GoLiveStep.Outcome.SKIPPED ? "" : " (" + step.millis() + " ms)";
    return String.format("%-7s %-25s %s%s", step.outcome(), step.name(), step.detail(), time);
  }
}
