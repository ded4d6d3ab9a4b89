package com.tmallbridge.cli;

import com.tmallbridge.console.ConsoleUser;
import com.tmallbridge.console.Role;
import com.tmallbridge.console.ShopScope;
import com.tmallbridge.console.UserManagement;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.ShopManagement;
import java.nio.file.Path;
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
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Passwd.class, UserCommand.Disable.class})
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
