package com.tmallbridge.cli;

import com.tmallbridge.channel.ShopProbe;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code shop add|list|check}. */
@Command(name = "shop", description = "Add, list and check Tmall shops.", mixinStandardHelpOptions = true,
    subcommands = {ShopCommand.Add.class, ShopCommand.ListShops.class, ShopCommand.Check.class})
class ShopCommand implements Runnable {
  /** Where {@code shop add} reads the app secret when no file is named. */
  static final String APP_SECRET_VARIABLE = "TMALL_APP_SECRET";
  /** Where {@code shop add} reads the session key when no file is named. */
  static final String SESSION_VARIABLE = "TMALL_SESSION_KEY";

  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("shop").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "add", description = "Add a shop, or update the credentials of the shop with this code.", mixinStandardHelpOptions = true)
  static class Add implements Callable<Integer> {
    @ParentCommand ShopCommand parent;

    @Option(names = "--code", required = true, description = "Short unique code, e.g. TM01 (letters, digits, - and _).") String code;
    @Option(names = "--name", description = "Display name (default: the code).") String name;
    @Option(names = "--gateway", required = true, description = "TOP gateway URL, e.g. https://eco.taobao.com/router/rest or the sandbox's.") String gateway;
    @Option(names = "--app-key", required = true) String appKey;
    @Option(names = "--app-secret-file", paramLabel = "FILE",
        description = "A file whose first line is the app secret (default: the environment variable TMALL_APP_SECRET, else a prompt).")
    Path appSecretFile;
    @Option(names = "--session-file", paramLabel = "FILE", description = "A file whose first line is the seller's session key (access"
        + " token) (default: the environment variable TMALL_SESSION_KEY, else a prompt).")
    Path sessionFile;
    @Option(names = "--app-secret", hidden = true) String appSecretArgument;
    @Option(names = "--session", hidden = true) String sessionArgument;
    @Option(names = "--sign-method", defaultValue = "hmac-sha256", description = "md5, hmac or hmac-sha256 (default: ${DEFAULT-VALUE}).") String signMethod;
    @Option(names = "--since", converter = InstantArgument.class,
        description = "Where the first pull starts: default one day back, at most 3 months (e.g. '2026-11-10 00:00:00', GMT+8).")
    Instant since;

    @Override
    public Integer call() {
      SecretInput.refuseArgument(appSecretArgument, "--app-secret", "--app-secret-file", APP_SECRET_VARIABLE);
      SecretInput.refuseArgument(sessionArgument, "--session", "--session-file", SESSION_VARIABLE);
      SecretInput secrets = SecretInput.system();
      String appSecret = secrets.read("the app secret", "--app-secret-file", appSecretFile, APP_SECRET_VARIABLE);
      String session = secrets.read("the session key", "--session-file", sessionFile, SESSION_VARIABLE);
      ShopManagement shops = parent.root.runtime().bean(ShopManagement.class);
      Shop shop = shops.add(new ShopRegistration(code, name == null ? code : name, gateway, appKey, appSecret, session, signMethod, since));
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(ShopCommand.describe(shop));
      } else {
        out.line("shop " + shop.code() + " (id " + shop.id() + ") saved; first pull from " + shop.firstPullFrom());
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List shops (secrets are never printed).", mixinStandardHelpOptions = true)
  static class ListShops implements Callable<Integer> {
    @ParentCommand ShopCommand parent;

    @Override
    public Integer call() {
      List<Shop> shops = parent.root.runtime().bean(ShopManagement.class).list();
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(shops.stream().map(ShopCommand::describe).toList());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (Shop s : shops) {
        rows.add(List.of(s.id().toString(), s.code(), s.name(), s.status().name(), s.credentials().gatewayUrl(),
            s.credentials().appKey(), s.firstPullFrom().toString()));
      }
      out.table(List.of("ID", "CODE", "NAME", "STATUS", "GATEWAY", "APP KEY", "FIRST PULL FROM"), rows);
      return 0;
    }
  }

  @Command(name = "check", description = "Call each shop's API once with its credentials.", mixinStandardHelpOptions = true)
  static class Check implements Callable<Integer> {
    @ParentCommand ShopCommand parent;

    @Parameters(arity = "0..*", paramLabel = "CODE", description = "Shops to check (default: all).") List<String> codes;

    @Override
    public Integer call() {
      ShopManagement shops = parent.root.runtime().bean(ShopManagement.class);
      List<Shop> targets = codes == null ? shops.list()
          : codes.stream().map(c -> shops.findByCode(c).orElseThrow(() -> new IllegalArgumentException("no shop with code '" + c + "' (see 'bridge shop list')"))).toList();
      Output out = new Output(parent.root.spec.commandLine().getOut());
      List<Map<String, Object>> results = new ArrayList<>();
      boolean allOk = true;
      for (Shop s : targets) {
        ShopProbe.ProbeResult r = shops.check(s);
        allOk &= r.ok();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop", s.code());
        m.put("ok", r.ok());
        m.put("detail", r.detail());
        m.put("latencyMs", r.latencyMillis());
        results.add(m);
        if (!parent.root.json) {
          out.line(s.code() + ": " + (r.ok() ? "OK" : "FAILED") + " (" + r.latencyMillis() + " ms) " + r.detail());
        }
      }
      if (parent.root.json) {
        out.json(results);
      }
      return allOk ? 0 : 1;
    }
  }

  static Map<String, Object> describe(Shop s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id().value());
    m.put("code", s.code());
    m.put("name", s.name());
    m.put("status", s.status().name());
    m.put("statusDetail", s.statusDetail());
    m.put("gateway", s.credentials().gatewayUrl());
    m.put("appKey", s.credentials().appKey());
    m.put("signMethod", s.credentials().signMethod());
    m.put("firstPullFrom", s.firstPullFrom().toString());
    return m;
  }
}
