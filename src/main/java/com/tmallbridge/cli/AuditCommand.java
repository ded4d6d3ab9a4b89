package com.tmallbridge.cli;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.audit.ChainCheck;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code audit list|verify}. */
@Command(name = "audit", description = "The audit log: who changed what, when and from where, in a hash chain.",
    mixinStandardHelpOptions = true, subcommands = {AuditCommand.ListEntries.class, AuditCommand.Verify.class})
class AuditCommand implements Runnable {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("audit").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "Audit entries, newest first (times in China Standard Time).", mixinStandardHelpOptions = true)
  static class ListEntries implements Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Option(names = "--action", description = "Only this kind: ${COMPLETION-CANDIDATES}.") AuditAction action;
    @Option(names = "--actor", description = "Only this user.") String actor;
    @Option(names = "--target", description = "Only targets starting with this, e.g. shop:TM01.") String target;
    @Option(names = "--from", converter = InstantArgument.class, description = "At or after (GMT+8 or ISO).") Instant from;
    @Option(names = "--to", converter = InstantArgument.class, description = "Before (GMT+8 or ISO).") Instant to;
    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).") int limit;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
      }
      List<AuditEntry> entries =
          parent.root.runtime().bean(AuditManagement.class).entries(action, actor, target, from, to, limit);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(entries);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (AuditEntry e : entries) {
        rows.add(List.of(Long.toString(e.seq()), SHOWN.format(e.at()), e.actor(), e.source(), e.action().name(), e.target(),
            e.outcome(), change(e)));
      }
      out.table(List.of("NO", "TIME", "WHO", "FROM", "ACTION", "TARGET", "OUTCOME", "BEFORE → AFTER"), rows);
      out.line(entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies"));
      return 0;
    }

    private static String change(AuditEntry e) {
      String before = e.before() == null ? "—" : e.before();
      String after = e.after() == null ? "—" : e.after();
      String text = before + " → " + after;
      return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
  }

  @Command(name = "verify", description = "Check the audit log's hash chain; exit 1 when an entry was changed, removed or reordered.",
      mixinStandardHelpOptions = true)
  static class Verify implements Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Override
    public Integer call() {
      ChainCheck check = parent.root.runtime().bean(AuditManagement.class).verify(read -> { });
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("intact", check.intact());
        result.put("entries", check.entries());
        result.put("brokenAt", check.brokenAt());
        result.put("problem", check.problem());
        result.put("headHash", check.headHash());
        out.json(result);
      } else if (check.intact()) {
        out.line("audit chain intact: " + check.entries() + " entries; head hash " + check.headHash());
      }
      if (!check.intact()) {
        parent.root.spec.commandLine().getErr().println("error: audit chain broken at entry " + check.brokenAt() + ": " + check.problem());
        return 1;
      }
      return 0;
    }
  }
}
