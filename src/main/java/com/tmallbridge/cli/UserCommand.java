package com.tmallbridge.cli;

import com.tmallbridge.console.ApiToken;
import com.tmallbridge.console.ApiTokens;
import com.tmallbridge.console.ConsoleUser;
import com.tmallbridge.console.IssuedToken;
import com.tmallbridge.console.Role;
import com.tmallbridge.console.ShopScope;
import com.tmallbridge.console.UserManagement;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.ShopManagement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code user add|list|passwd|disable}: console users. A password is never a command-line
 * argument: it comes from {@code --password-file}, {@code BRIDGE_USER_PASSWORD} or a prompt
 * ({@link SecretInput}).
 */
@Command(name = "user", description = "Console users: add, list, change a password, disable.", mixinStandardHelpOptions = true,
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Passwd.class, UserCommand.Disable.class,
        UserCommand.Token.class})
class UserCommand implements Runnable {
  static final String PASSWORD_VARIABLE = "BRIDGE_USER_PASSWORD";

  @ParentCommand BridgeCommand root;

  private static final SecretInput SECRETS = SecretInput.system();

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(root.spec.commandLine().getOut());
  }

  @Command(name = "add", description = "Add a console user.", mixinStandardHelpOptions = true)
  static class Add implements Callable<Integer> {
    @ParentCommand UserCommand parent;
    @Parameters(index = "0", paramLabel = "USERNAME") String username;
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, operator or auditor.") String role;
    @Option(names = "--shops", paramLabel = "CODES", split = ",",
        description = "Only these shops (codes, comma-separated); every shop when left out.") List<String> shops;
    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file's first line.") Path passwordFile;

    @Override
    public Integer call() {
      Role parsed = Role.parse(role);
      ShopScope scope = shops == null ? ShopScope.everyShop() : ShopScope.only(shopIds(parent.root, shops));
      String password = SECRETS.read("the password", "--password-file", passwordFile, PASSWORD_VARIABLE);
      ConsoleUser user = parent.root.runtime().bean(UserManagement.class).add(username, parsed, scope, password);
      new Output(parent.root.spec.commandLine().getOut()).line("added user " + user.username() + " (" + user.role().name().toLowerCase()
          + ", shops: " + user.scope() + ")");
      return 0;
    }
  }

  @Command(name = "list", description = "List console users.", mixinStandardHelpOptions = true)
  static class ListUsers implements Callable<Integer> {
    @ParentCommand UserCommand parent;

    @Override
    public Integer call() {
      List<ConsoleUser> users = parent.root.runtime().bean(UserManagement.class).list();
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(users);
        return 0;
      }
      out.table(List.of("USERNAME", "ROLE", "SHOPS", "ENABLED", "FAILED LOGINS", "LOCKED UNTIL"),
          users.stream().map(u -> List.of(u.username(), u.role().name().toLowerCase(), u.scope().toString(),
              u.enabled() ? "yes" : "no", Integer.toString(u.failedLogins()),
              u.lockedUntil() == null ? "" : u.lockedUntil().toString())).toList());
      return 0;
    }
  }

  @Command(name = "passwd", description = "Set a user's password (and lift a lockout).", mixinStandardHelpOptions = true)
  static class Passwd implements Callable<Integer> {
    @ParentCommand UserCommand parent;
    @Parameters(index = "0", paramLabel = "USERNAME") String username;
    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file's first line.") Path passwordFile;

    @Override
    public Integer call() {
      UserManagement users = parent.root.runtime().bean(UserManagement.class);
      if (users.find(username).isEmpty()) {
        throw new IllegalArgumentException("no user '" + username + "' (see 'bridge user list')");
      }
      String password = SECRETS.read("the new password", "--password-file", passwordFile, PASSWORD_VARIABLE);
      users.changePassword(username, password);
      new Output(parent.root.spec.commandLine().getOut()).line("password of " + username + " changed");
      return 0;
    }
  }

  @Command(name = "disable", description = "Disable a user: no further login.", mixinStandardHelpOptions = true)
  static class Disable implements Callable<Integer> {
    @ParentCommand UserCommand parent;
    @Parameters(index = "0", paramLabel = "USERNAME") String username;

    @Override
    public Integer call() {
      parent.root.runtime().bean(UserManagement.class).disable(username);
      new Output(parent.root.spec.commandLine().getOut()).line("user " + username + " disabled");
      return 0;
    }
  }

  /** {@code user token add|list|revoke}: personal API tokens for scripts calling {@code /api} (see docs/api.md). */
  @Command(name = "token", description = "Personal API tokens: add, list, revoke.", mixinStandardHelpOptions = true,
      subcommands = {Token.AddToken.class, Token.ListTokens.class, Token.Revoke.class})
  static class Token implements Runnable {
    @ParentCommand UserCommand parent;

    @Override
    public void run() {
      new picocli.CommandLine(this).usage(parent.root.spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Create a token for a user and print it once.", mixinStandardHelpOptions = true)
    static class AddToken implements Callable<Integer> {
      @ParentCommand Token parent;
      @Parameters(index = "0", paramLabel = "USERNAME") String username;
      @Option(names = "--label", required = true, paramLabel = "LABEL", description = "A name for the token, unique per user (e.g. erp-export).")
      String label;
      @Option(names = "--days", paramLabel = "N", description = "Expire after N days (default: no expiry).") Integer days;

      @Override
      public Integer call() {
        if (days != null && (days < 1 || days > 3650)) {
          throw new IllegalArgumentException("--days must be between 1 and 3650, got " + days);
        }
        BridgeCommand root = parent.parent.root;
        IssuedToken issued = root.runtime().bean(ApiTokens.class).create(username, label, days == null ? null : Duration.ofDays(days));
        Output out = new Output(root.spec.commandLine().getOut());
        ApiToken t = issued.token();
        if (root.json) {
          out.json(java.util.Map.of("id", t.id(), "username", t.username(), "label", t.label(), "token", issued.secret(),
              "expiresAt", t.expiresAt() == null ? "" : t.expiresAt().toString()));
          return 0;
        }
        out.line("API token #" + t.id() + " '" + t.label() + "' for " + t.username()
            + (t.expiresAt() == null ? ", no expiry" : ", expires " + t.expiresAt()) + ":");
        out.line(issued.secret());
        out.line("  (shown once: store it now; send it as 'Authorization: Bearer <token>'; revoke with 'bridge user token revoke "
            + t.id() + "')");
        return 0;
      }
    }

    @Command(name = "list", description = "List tokens (never the secrets), of one user or of all.", mixinStandardHelpOptions = true)
    static class ListTokens implements Callable<Integer> {
      @ParentCommand Token parent;
      @Parameters(index = "0", arity = "0..1", paramLabel = "USERNAME") String username;

      @Override
      public Integer call() {
        BridgeCommand root = parent.parent.root;
        List<ApiToken> tokens = root.runtime().bean(ApiTokens.class).list(username);
        Output out = new Output(root.spec.commandLine().getOut());
        if (root.json) {
          out.json(tokens);
          return 0;
        }
        Instant now = Instant.now(root.runtime().bean(java.time.Clock.class));
        out.table(List.of("ID", "USER", "LABEL", "STATUS", "CREATED", "EXPIRES", "LAST USED", "FROM"),
            tokens.stream().map(t -> List.of(Long.toString(t.id()), t.username(), t.label(), t.statusAt(now).name().toLowerCase(),
                t.createdAt().toString(), Output.orDash(t.expiresAt()), Output.orDash(t.lastUsedAt()), Output.orDash(t.lastUsedFrom()))).toList());
        return 0;
      }
    }

    @Command(name = "revoke", description = "Revoke a token: it authenticates nothing from now on.", mixinStandardHelpOptions = true)
    static class Revoke implements Callable<Integer> {
      @ParentCommand Token parent;
      @Parameters(index = "0", paramLabel = "ID") long id;

      @Override
      public Integer call() {
        BridgeCommand root = parent.parent.root;
        ApiToken token = root.runtime().bean(ApiTokens.class).revoke(id);
        new Output(root.spec.commandLine().getOut()).line("API token #" + token.id() + " '" + token.label() + "' of " + token.username()
            + " revoked");
        return 0;
      }
    }
  }

  private static Set<ShopId> shopIds(BridgeCommand root, List<String> codes) {
    ShopManagement shops = root.runtime().bean(ShopManagement.class);
    Set<ShopId> ids = new LinkedHashSet<>();
    for (String code : codes) {
      ids.add(shops.findByCode(code.strip())
          .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + code + "' (see 'bridge shop list')")).id());
    }
    return ids;
  }
}
