package com.tmallbridge.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code bridge} command: global options and the list of sub-commands. */
@Command(
    name = "bridge",
    mixinStandardHelpOptions = true,
    version = "TmallBridge 0.1.0",
    description = "Connects Tmall stores to your ERP: orders in, nothing lost, nothing duplicated.",
    subcommands = {
      DemoCommand.class,
      SandboxCommand.class,
      ShopCommand.class,
      ErpCommand.class,
      GoLiveCommand.class,
      SyncCommand.class,
      ServeCommand.class,
      UserCommand.class,
      OrdersCommand.class,
      RefundsCommand.class,
      SettlementsCommand.class,
      VouchersCommand.class,
      ReconcileCommand.class,
      CompletenessCommand.class,
      ExceptionsCommand.class,
      MappingsCommand.class,
      ProductsCommand.class,
      OutboxCommand.class,
      StockCommand.class,
      ShipmentsCommand.class,
      DbCommand.class,
      AuditCommand.class,
      AlertsCommand.class,
      KeysCommand.class,
      BackupCommand.Backup.class,
      BackupCommand.Restore.class,
      BenchCommand.class,
      ReportCommand.class
    })
class BridgeCommand implements Runnable, AutoCloseable {
  /** Where the database password is read from when no file is named (by Spring itself). */
  static final String DB_PASSWORD_VARIABLE = "SPRING_DATASOURCE_PASSWORD";

  @Spec CommandSpec spec;

  @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "./data",
      description = "Directory of the H2 database and log files (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print data as JSON on stdout.")
  boolean json;

  @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
      description = "Use this database instead of the H2 file in --data, e.g. jdbc:postgresql://127.0.0.1:5432/bridge.")
  String dbUrl;

  @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "USER", description = "Database user for --db-url.")
  String dbUser;

  @Option(names = "--db-password-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "A file whose first line is the database password for --db-url (default: the environment variable "
          + "SPRING_DATASOURCE_PASSWORD).")
  Path dbPasswordFile;

  /** Refused: a password on the command line is visible in ps and the shell history. */
  @Option(names = "--db-password", scope = ScopeType.INHERIT, hidden = true)
  String dbPasswordArgument;

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "A properties or YAML file of bridge.* settings (e.g. bridge.erp.active and the ERP connection) read on top "
          + "of the defaults.")
  Path config;

  private SpringRuntime runtime;

  /** The Spring runtime for the chosen data directory, started on first use. */
  SpringRuntime runtime() {
    if (runtime == null) {
      SecretInput.refuseArgument(dbPasswordArgument, "--db-password", "--db-password-file", DB_PASSWORD_VARIABLE);
      // no file: leave the password to Spring, which reads SPRING_DATASOURCE_PASSWORD itself
      String dbPassword = dbPasswordFile == null ? null
          : SecretInput.system().read("the database password", "--db-password-file", dbPasswordFile, DB_PASSWORD_VARIABLE);
      runtime = configured(new SpringRuntime(data, dbUrl, dbUser, dbPassword));
    }
    return runtime;
  }

  /**
   * Applies {@code --config} to a runtime of a command's own (the demo, the go-live check).
   *
   * @throws IllegalArgumentException when the file does not exist (exit code 2)
   */
  SpringRuntime configured(SpringRuntime fresh) {
    if (config == null) {
      return fresh;
    }
    if (!java.nio.file.Files.isRegularFile(config)) {
      throw new IllegalArgumentException("--config " + config + " is not a readable file");
    }
    return fresh.with("spring.config.additional-location", "file:" + config.toAbsolutePath().normalize());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Override
  public void close() {
    if (runtime != null) {
      runtime.close();
    }
  }
}
