package com.tmallbridge.cli;

import com.tmallbridge.store.DatabaseCopy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.DatabaseDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code db copy}: the bridge's database as a whole (see docs/database.md). */
@Command(name = "db", description = "The bridge's database: copy an install to another database (H2 -> PostgreSQL).",
    mixinStandardHelpOptions = true, subcommands = {DbCommand.Copy.class})
class DbCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("db").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "copy", mixinStandardHelpOptions = true,
      description = {"Copy this install's database (--data's H2 file, or --db-url) into an empty database: Flyway-migrates the target, "
          + "copies every table in foreign-key order in batches, moves identities and sequences past the copied values, then "
          + "compares row counts per table. Stop the bridge first. Exit 2 when the target is not empty, 1 when a count differs."})
  static class Copy implements Callable<Integer> {
    private static final String MIGRATIONS = "classpath:db/migration";
    @ParentCommand DbCommand parent;
    @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
        description = "The empty target, e.g. jdbc:postgresql://127.0.0.1:5432/bridge.") String to;
    @Option(names = "--to-user", defaultValue = "", paramLabel = "USER", description = "Target database user.") String toUser;
    @Option(names = "--to-password-file", paramLabel = "FILE",
        description = "A file whose first line is the target database password (default: the environment variable "
            + "BRIDGE_DB_COPY_PASSWORD, else none).") java.nio.file.Path toPasswordFile;
    /** Refused: a password on the command line is visible in ps and the shell history. */
    @Option(names = "--to-password", hidden = true) String toPasswordArgument;

    @Override
    public Integer call() throws Exception {
      SecretInput.refuseArgument(toPasswordArgument, "--to-password", "--to-password-file", "BRIDGE_DB_COPY_PASSWORD");
      String password = toPasswordFile != null
          ? SecretInput.system().read("the target database password", "--to-password-file", toPasswordFile, "BRIDGE_DB_COPY_PASSWORD")
          : System.getenv().getOrDefault("BRIDGE_DB_COPY_PASSWORD", "");
      Output out = new Output(parent.root.spec.commandLine().getOut());
      Output err = new Output(parent.root.spec.commandLine().getErr());
      DatabaseCopy copy = new DatabaseCopy(MIGRATIONS, err::line);
      try (Connection first = DriverManager.getConnection(to, toUser, password)) {
        var notEmpty = copy.whyNotEmpty(first);
        if (notEmpty.isPresent()) {
          throw new IllegalArgumentException(notEmpty.get());
        }
      }
      Flyway flyway = Flyway.configure().dataSource(to, toUser, password).locations(targetMigrations(to)).load();
      flyway.migrate(); // before the copy's connection opens, see DatabaseCopy#copy
      try (Connection target = DriverManager.getConnection(to, toUser, password)) {
        DataSource sourceData = parent.root.runtime().bean(DataSource.class); // opening it migrates the source to this version
        DatabaseCopy.Report report;
        try (Connection source = sourceData.getConnection()) {
          report = copy.copy(source, target, flyway);
        }
        if (parent.root.json) {
          out.json(report);
        } else {
          List<List<String>> rows = report.tables().stream().map(t -> List.of(t.table(), Long.toString(t.sourceRows()),
              Long.toString(t.rowsCopied()), Long.toString(t.targetRows()), t.matches() ? "ok"
                  : t.rowsCopied() == t.targetRows() ? "SOURCE COUNT(*) DIFFERS FROM ITS ROWS" : "DIFFERENT")).toList();
          out.table(List.of("TABLE", "SOURCE COUNT", "ROWS COPIED", "TARGET COUNT", ""), rows);
          report.sequences().forEach((s, next) -> out.line("sequence " + s + " continues at " + next));
          out.line(report.matches() ? "copied " + report.tables().size() + " tables; every row count matches"
              : "row counts differ: see the table above (a source whose count(*) differs from the rows it yields is damaged "
                  + "itself: every row it yields was copied)");
        }
        return report.matches() ? 0 : 1;
      }
    }

    /**
     * The target's migrations as a bridge started on it runs them ({@code spring.flyway.locations}): the common ones plus
     * its vendor's folder, e.g. PostgreSQL's V18. Plain Flyway does not expand Spring Boot's {@code {vendor}}, so the
     * vendor is taken from the URL here.
     */
    static String[] targetMigrations(String url) {
      String vendor = DatabaseDriver.fromJdbcUrl(url).getId();
      return new String[] {MIGRATIONS, "classpath:db/vendor/" + vendor};
    }
  }
}
