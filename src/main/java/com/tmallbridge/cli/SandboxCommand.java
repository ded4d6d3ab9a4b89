package com.tmallbridge.cli;

import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sandbox}: the Tmall TOP simulator alone, for trying the bridge or another client. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = {"Run the Tmall TOP gateway simulator until Ctrl-C and print the shop's credentials.",
        "Generate traffic and inject faults through its control API (see docs/sandbox.md)."})
class SandboxCommand implements Callable<Integer> {
  @ParentCommand BridgeCommand root;

  @Option(names = "--port", defaultValue = "0", description = "TCP port on 127.0.0.1 (default: a free one).") int port;
  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated shop and trades (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--trades", defaultValue = "0", description = "Trades to generate at start over the last day (default: ${DEFAULT-VALUE}).") int trades;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    if (trades < 0) {
      throw new IllegalArgumentException("--trades must not be negative, got " + trades);
    }
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withPort(port).withSeed(seed))) {
      if (trades > 0) {
        var now = sandbox.clock().instant();
        sandbox.generateHistory(trades, now.minus(java.time.Duration.ofDays(1)), now);
      }
      var c = sandbox.credentials();
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("gateway", sandbox.url());
      info.put("control", sandbox.url().replace("/router/rest", "/control/state"));
      info.put("appKey", c.appKey());
      info.put("appSecret", c.appSecret());
      info.put("session", c.sessionKey());
      info.put("sellerNick", c.sellerNick());
      Output out = new Output(root.spec.commandLine().getOut());
      if (root.json) {
        out.json(info);
      } else {
        info.forEach((k, v) -> out.line(String.format("%-11s %s", k, v)));
        out.line("add it (the sandbox's secrets are test values; a real shop's go in a file or a prompt, see docs/audit.md):");
        out.line("  " + ShopCommand.APP_SECRET_VARIABLE + "=" + c.appSecret() + " " + ShopCommand.SESSION_VARIABLE + "=" + c.sessionKey()
            + " ./bridge shop add --code SBX --gateway " + sandbox.url() + " --app-key " + c.appKey());
        out.line("Ctrl-C to stop");
      }
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }
}
