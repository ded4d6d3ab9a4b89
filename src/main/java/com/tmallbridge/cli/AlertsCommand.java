package com.tmallbridge.cli;

import com.tmallbridge.alert.AlertManagement;
import com.tmallbridge.alert.OpenAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code alerts test|list}: check the configured alert channels, list open alerts. */
@Command(name = "alerts", description = "Alerts: test the channels (bridge.alerts.*), list the open alerts.", mixinStandardHelpOptions = true,
    subcommands = {AlertsCommand.Test.class, AlertsCommand.ListAlerts.class})
class AlertsCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("alerts").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Send a test message to every configured channel (DingTalk, WeCom, e-mail), with the usual retries; exit 1 if one fails.")
  static class Test implements Callable<Integer> {
    @ParentCommand AlertsCommand parent;

    @Override
    public Integer call() {
      AlertManagement alerts = parent.root.runtime().bean(AlertManagement.class);
      if (alerts.channels().isEmpty()) {
        throw new IllegalArgumentException("no alert channel is configured: set bridge.alerts.dingtalk.webhook, bridge.alerts.wecom.webhook "
            + "or bridge.alerts.email.* in the --config file (see docs/alerts.md)");
      }
      List<AlertManagement.ChannelResult> results = alerts.sendTest();
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(results);
      } else {
        results.stream().filter(r -> r.error() == null).forEach(r -> out.line(r.channel() + ": test message sent"));
      }
      List<AlertManagement.ChannelResult> failed = results.stream().filter(r -> r.error() != null).toList();
      if (failed.isEmpty()) {
        return 0;
      }
      new Output(parent.root.spec.commandLine().getErr()).line("error: test message not delivered: "
          + failed.stream().map(r -> r.error().replace('\n', ' ')).collect(Collectors.joining("; ")));
      return 1;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the open alerts, oldest first.")
  static class ListAlerts implements Callable<Integer> {
    @ParentCommand AlertsCommand parent;

    @Override
    public Integer call() {
      List<OpenAlert> open = parent.root.runtime().bean(AlertManagement.class).open(null);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(open);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (OpenAlert a : open) {
        rows.add(List.of(a.kind().name(), a.subject(), a.raisedAt().toString(), Integer.toString(a.sentCount()), a.message()));
      }
      out.table(List.of("KIND", "SUBJECT", "SINCE", "SENT", "MESSAGE"), rows);
      out.line(open.size() + " open alert(s)");
      return 0;
    }
  }
}
