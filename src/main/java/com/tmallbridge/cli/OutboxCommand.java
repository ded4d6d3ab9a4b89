package com.tmallbridge.cli;

import com.tmallbridge.sync.InboxPurge;
import com.tmallbridge.sync.OutboxAdmin;
import com.tmallbridge.sync.OutboxEntry;
import com.tmallbridge.sync.OutboxPurge;
import com.tmallbridge.sync.OutboxStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code outbox list|retry|purge}: the messages that carry writes to the ERP and to Tmall. */
@Command(name = "outbox", description = "Pending, failed and blocked writes to the ERP and Tmall.", mixinStandardHelpOptions = true,
    subcommands = {OutboxCommand.ListMessages.class, OutboxCommand.Retry.class, OutboxCommand.Purge.class})
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

  @Command(name = "purge", mixinStandardHelpOptions = true,
      description = {"Delete delivered (DONE) outbox messages completed, and inbox snapshots last stored, longer ago than --older-than "
          + "(default: bridge.sync.outbox.retention and bridge.sync.inbox.retention). Pending, failed and blocked messages stay. "
          + "Works in pages, each its own transaction; safe while the bridge runs."})
  static class Purge implements Callable<Integer> {
    @ParentCommand OutboxCommand parent;
    @Option(names = "--older-than", paramLabel = "DURATION", description = "e.g. 30d, 12h or P30D.") String olderThan;

    @Override
    public Integer call() {
      Duration age = null;
      if (olderThan != null) {
        try {
          age = DurationStyle.detectAndParse(olderThan.strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--older-than '" + olderThan + "' is not a duration (e.g. 30d, 12h, P30D)");
        }
        if (age.isNegative()) {
          throw new IllegalArgumentException("--older-than must not be negative, got " + olderThan);
        }
      }
      OutboxPurge outbox = parent.root.runtime().bean(OutboxPurge.class);
      InboxPurge inbox = parent.root.runtime().bean(InboxPurge.class);
      long messages = age != null ? outbox.purge(age) : outbox.purge();
      long snapshots = age != null ? inbox.purge(age) : inbox.purge();
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outboxDeleted", messages);
        m.put("inboxDeleted", snapshots);
        out.json(m);
      } else {
        out.line("outbox: " + messages + " delivered message(s) deleted" + (age == null && outbox.retention().isZero() ? " (retention 0: kept)" : ""));
        out.line("inbox: " + snapshots + " snapshot(s) deleted" + (age == null && inbox.retention().isZero() ? " (retention 0: kept)" : ""));
      }
      return 0;
    }
  }
}
