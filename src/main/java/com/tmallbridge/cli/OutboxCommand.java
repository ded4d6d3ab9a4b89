package com.tmallbridge.cli;

import com.tmallbridge.sync.OutboxAdmin;
import com.tmallbridge.sync.OutboxEntry;
import com.tmallbridge.sync.OutboxStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code outbox list|retry}: the messages that carry writes to the ERP and to Tmall. */
@Command(name = "outbox", description = "Pending, failed and blocked writes to the ERP and Tmall.", mixinStandardHelpOptions = true,
    subcommands = {OutboxCommand.ListMessages.class, OutboxCommand.Retry.class})
class OutboxCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("outbox").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "Counts per status, then the messages with one status (default BLOCKED).", mixinStandardHelpOptions = true)
  static class ListMessages implements Callable<Integer> {
    @ParentCommand OutboxCommand parent;
    @Option(names = "--status", defaultValue = "BLOCKED", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).") OutboxStatus status;
    @Option(names = "--limit", defaultValue = "100") int limit;

    @Override
    public Integer call() {
      OutboxAdmin admin = parent.root.runtime().bean(OutboxAdmin.class);
      Map<OutboxStatus, Long> counts = admin.counts();
      List<OutboxEntry> entries = admin.list(status, limit);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("counts", counts);
        m.put("messages", entries);
        out.json(m);
        return 0;
      }
      out.line("counts: " + counts);
      List<List<String>> rows = new ArrayList<>();
      for (OutboxEntry e : entries) {
        rows.add(List.of(e.id().toString(), e.messageType(), e.aggregateId(), e.status().name(), Integer.toString(e.attempts()),
            Output.orDash(e.nextAttemptAt()), Output.orDash(e.lastErrorCode()), Output.orDash(e.lastError())));
      }
      out.table(List.of("ID", "TYPE", "AGGREGATE", "STATUS", "ATTEMPTS", "NEXT ATTEMPT", "CODE", "LAST ERROR"), rows);
      return 0;
    }
  }

  @Command(name = "retry", description = "Make blocked or failed messages due again.", mixinStandardHelpOptions = true)
  static class Retry implements Callable<Integer> {
    @ParentCommand OutboxCommand parent;
    @ArgGroup(multiplicity = "1") Target target;

    static class Target {
      @Parameters(paramLabel = "ID", arity = "1..*") List<UUID> ids;
      @Option(names = "--all-blocked", required = true) boolean allBlocked;
    }

    @Override
    public Integer call() {
      OutboxAdmin admin = parent.root.runtime().bean(OutboxAdmin.class);
      int n = 0;
      if (target.allBlocked) {
        n = admin.retryAllBlocked();
      } else {
        for (UUID id : target.ids) {
          if (!admin.retry(id)) {
            throw new IllegalArgumentException("message " + id + " does not exist or is neither BLOCKED nor FAILED");
          }
          n++;
        }
      }
      new Output(parent.root.spec.commandLine().getOut()).line(n + " message(s) due again");
      return 0;
    }
  }
}
