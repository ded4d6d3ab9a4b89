package com.tmallbridge.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * For {@code bench orders --db postgres}: says when the server's autovacuum is off (then dead
 * outbox rows and missing planner statistics, not the bridge, set the pace), and on request runs
 * {@code VACUUM (ANALYZE)} on the bench database at a fixed interval in its place.
 */
final class PostgresVacuum implements AutoCloseable {
  private final ScheduledExecutorService timer;

  private PostgresVacuum(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Reports the server's autovacuum setting; starts vacuuming every {@code seconds} when positive, else returns null. */
  static @Nullable PostgresVacuum start(String url, String user, int seconds, Consumer<String> progress) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show autovacuum")) {
      rs.next();
      if ("off".equals(rs.getString(1))) {
        progress.accept("note: autovacuum is off on this PostgreSQL server; "
            + (seconds > 0 ? "the bench runs VACUUM (ANALYZE) every " + seconds + " s in its place"
                : "no statistics and no vacuum during the run (see --pg-vacuum-every)"));
      }
    }
    if (seconds <= 0) {
      return null;
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-vacuum");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> vacuum(url, user, progress), seconds, seconds, TimeUnit.SECONDS);
    return new PostgresVacuum(timer);
  }

  private static void vacuum(String url, String user, Consumer<String> progress) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute("vacuum (analyze)");
    } catch (SQLException e) {
      progress.accept("  vacuum failed: " + e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(1, TimeUnit.MINUTES);
  }
}
