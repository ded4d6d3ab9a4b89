package com.tmallbridge.cli;

import com.tmallbridge.order.ExceptionView;
import com.tmallbridge.order.OrderManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code exceptions list|retry}. */
@Command(name = "exceptions", description = "Trades held for an operator, with the reason.", mixinStandardHelpOptions = true,
    subcommands = {ExceptionsCommand.ListExceptions.class, ExceptionsCommand.Retry.class})
class ExceptionsCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("exceptions").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "List exceptions (default: unresolved ones).", mixinStandardHelpOptions = true)
  static class ListExceptions implements Callable<Integer> {
    @ParentCommand ExceptionsCommand parent;

    @Option(names = "--status", description = "OPEN, RETRYING or RESOLVED (default: OPEN and RETRYING).") String status;
    @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: ${DEFAULT-VALUE}).") int limit;

    @Override
    public Integer call() {
      if (status != null && !List.of("OPEN", "RETRYING", "RESOLVED").contains(status)) {
        throw new IllegalArgumentException("--status must be OPEN, RETRYING or RESOLVED, got '" + status + "'");
      }
      List<ExceptionView> list = parent.root.runtime().bean(OrderManagement.class).exceptions(status, limit);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(list);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (ExceptionView e : list) {
        rows.add(List.of(Long.toString(e.id()), Long.toString(e.shopId()), e.tid(), e.reasonCode(), e.status(),
            Integer.toString(e.retries()), e.message()));
      }
      out.table(List.of("ID", "SHOP", "TID", "REASON", "STATUS", "RETRIES", "EXPLANATION"), rows);
      out.line(list.size() + " exception(s)");
      return 0;
    }
  }

  @Command(name = "retry", description = "Retry exceptions after fixing their cause.", mixinStandardHelpOptions = true)
  static class Retry implements Callable<Integer> {
    @ParentCommand ExceptionsCommand parent;

    @ArgGroup(multiplicity = "1") Target target;

    static class Target {
      @Parameters(paramLabel = "ID", arity = "1..*", description = "Exception ids (see 'exceptions list').") List<Long> ids;
      @Option(names = "--all", required = true, description = "Retry every open exception.") boolean all;
    }

    @Override
    public Integer call() {
      OrderManagement orders = parent.root.runtime().bean(OrderManagement.class);
      List<String> outcomes = new ArrayList<>();
      if (target.all) {
        outcomes.addAll(orders.retryAllOpen());
      } else {
        for (long id : target.ids) {
          outcomes.add(id + ": " + orders.retry(id));
        }
      }
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(outcomes);
      } else {
        outcomes.forEach(out::line);
        out.line(outcomes.size() + " retried; run 'bridge sync --once' to deliver them");
      }
      return 0;
    }
  }
}
