package com.tmallbridge.cli;

import com.tmallbridge.secret.DataKeyRotation;
import com.tmallbridge.secret.DataKeys;
import java.io.PrintWriter;
import com.tmallbridge.secret.KeyCoverage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code keys list|rotate|reencrypt|check}: the data keys that seal secrets and personal data at rest (see docs/security.md). */
@Command(name = "keys", description = "Data keys that encrypt secrets and personal data at rest: list, rotate, re-encrypt.",
    mixinStandardHelpOptions = true, subcommands = {KeysCommand.ListKeys.class, KeysCommand.Rotate.class, KeysCommand.Reencrypt.class,
        KeysCommand.Check.class})
class KeysCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("keys").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "The key ids (never the keys) and which one is active.", mixinStandardHelpOptions = true)
  static class ListKeys implements Callable<Integer> {
    @ParentCommand KeysCommand parent;

    @Override
    public Integer call() {
      DataKeys keys = parent.root.runtime().bean(DataKeys.class);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("keys", keys.keyIds());
      info.put("active", keys.activeKeyId());
      info.put("source", keys.keyFile() == null ? "BRIDGE_DATA_KEYS" : keys.keyFile().toString());
      if (parent.root.json) {
        out.json(info);
      } else {
        out.line("data keys " + keys.keyIds() + ", active " + keys.activeKeyId() + ", from " + info.get("source"));
      }
      return 0;
    }
  }

  @Command(name = "rotate", description = "Add a new key to the key file; it becomes the active key from the next start."
      + " Then run 'keys reencrypt' to rewrite the stored values with it.", mixinStandardHelpOptions = true)
  static class Rotate implements Callable<Integer> {
    @ParentCommand KeysCommand parent;

    @Override
    public Integer call() {
      String id = parent.root.runtime().bean(DataKeyRotation.class).rotate();
      new Output(parent.root.spec.commandLine().getOut()).line("added data key " + id
          + " (active from the next start; restart a running bridge, then run 'bridge keys reencrypt')");
      return 0;
    }
  }

  @Command(name = "reencrypt", description = "Rewrite every encrypted column (and any value still in clear) with the active key,"
      + " in batches; safe to run again.", mixinStandardHelpOptions = true)
  static class Reencrypt implements Callable<Integer> {
    @ParentCommand KeysCommand parent;

    @Override
    public Integer call() {
      DataKeyRotation rotation = parent.root.runtime().bean(DataKeyRotation.class);
      String active = parent.root.runtime().bean(DataKeys.class).activeKeyId();
      PrintWriter err = parent.root.spec.commandLine().getErr();
      long n = rotation.reencrypt(p -> {
        err.println("[keys] " + p.column() + ": " + p.scanned() + " rows read, " + p.rewritten() + " rewritten");
        err.flush();
      });
      new Output(parent.root.spec.commandLine().getOut()).line("re-encrypted " + n + " values with data key " + active);
      return 0;
    }
  }

  @Command(name = "check", description = "Check that this install's data keys open every encrypted value in the database"
      + " (after a restore, or before removing an old key). Exit 1 naming each key that does not.", mixinStandardHelpOptions = true)
  static class Check implements Callable<Integer> {
    @ParentCommand KeysCommand parent;

    @Override
    public Integer call() {
      List<KeyCoverage.Gap> gaps = parent.root.runtime().bean(KeyCoverage.class).gaps();
      DataKeys keys = parent.root.runtime().bean(DataKeys.class);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(Map.of("keys", keys.keyIds(), "gaps", gaps));
      } else if (gaps.isEmpty()) {
        out.line("data keys " + keys.keyIds() + " open every encrypted value");
      }
      warn(gaps, keys, new Output(parent.root.spec.commandLine().getErr()));
      return gaps.isEmpty() ? 0 : 1;
    }
  }

  /** One line per column and key that this install's keys do not open, saying what to do. */
  static void warn(List<KeyCoverage.Gap> gaps, DataKeys keys, Output err) {
    String where = keys.keyFile() == null ? "BRIDGE_DATA_KEYS" : keys.keyFile().toString();
    for (KeyCoverage.Gap gap : gaps) {
      err.line("error: " + gap.values() + " value(s) of " + gap.column() + " are sealed with data key " + gap.keyId()
          + (gap.problem() == KeyCoverage.Problem.MISSING ? ", which this install does not have"
              : ", and this install's key " + gap.keyId() + " is another key of the same name")
          + ": put the data keys of the install they came from in " + where + ", then run 'bridge keys check'");
    }
  }
}
