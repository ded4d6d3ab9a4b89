package com.tmallbridge.demo;

import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The insert floor of the order benchmark: the same trades written as one header row and one row
 * per line with plain JDBC batches (100 trades per commit) into fresh tables, without any bridge
 * logic: a fresh H2 file database, or two new tables in the bench's PostgreSQL database. It is what
 * the database alone costs.
 */
public final class InsertFloor {
  private static final int BATCH = 100;
  private final Target target;

  InsertFloor(Target target) {
    this.target = target;
  }

  /**
   * Where the floor writes.
   *
   * @param kind {@code h2} or {@code postgres}
   */
  public record Target(String kind, String url, String user) {
    /** A fresh H2 file database {@code insert-floor} in {@code dir}. */
    public static Target h2(Path dir) {
      return new Target("h2", "jdbc:h2:file:" + dir.resolve("insert-floor").toAbsolutePath() + ";MODE=PostgreSQL", "sa");
    }

    String describe() {
      return "h2".equals(kind) ? "a fresh H2 file database" : "new tables of the PostgreSQL database " + url;
    }
  }

  /** Inserts the trades; returns the seconds it took. */
  double run(List<SandboxTrade> trades) throws SQLException {
    try (Connection c = DriverManager.getConnection(target.url(), target.user(), "")) {
      try (Statement s = c.createStatement()) {
        s.execute("drop table if exists floor_line");
        s.execute("drop table if exists floor_order");
        s.execute("create table floor_order (tid varchar(32) primary key, status varchar(40), payment_fen bigint, post_fee_fen bigint,"
            + " created timestamp with time zone, modified timestamp with time zone)");
        s.execute("create table floor_line (tid varchar(32), line_no int, oid varchar(32), num_iid varchar(32), material varchar(64),"
            + " quantity int, amount_fen bigint, primary key (tid, line_no))");
      }
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      try (PreparedStatement head = c.prepareStatement("insert into floor_order values (?, ?, ?, ?, ?, ?)");
          PreparedStatement line = c.prepareStatement("insert into floor_line values (?, ?, ?, ?, ?, ?, ?)")) {
        int n = 0;
        for (SandboxTrade t : trades) {
          add(head, line, t);
          if (++n % BATCH == 0) {
            flush(c, head, line);
          }
        }
        flush(c, head, line);
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  private static void add(PreparedStatement head, PreparedStatement line, SandboxTrade t) throws SQLException {
    String tid = Long.toString(t.tid());
    head.setString(1, tid);
    head.setString(2, t.status());
    head.setLong(3, t.paymentFen());
    head.setLong(4, t.postFeeFen());
    head.setObject(5, t.created().atOffset(java.time.ZoneOffset.UTC));
    head.setObject(6, t.modified().atOffset(java.time.ZoneOffset.UTC));
    head.addBatch();
    int no = 0;
    for (SandboxTradeLine l : t.lines()) {
      line.setString(1, tid);
      line.setInt(2, ++no);
      line.setString(3, Long.toString(l.oid()));
      line.setString(4, Long.toString(l.numIid()));
      line.setString(5, l.outerSkuId() == null ? "-" : l.outerSkuId());
      line.setInt(6, l.num());
      line.setLong(7, l.paymentFen());
      line.addBatch();
    }
  }

  private static void flush(Connection c, PreparedStatement head, PreparedStatement line) throws SQLException {
    head.executeBatch();
    line.executeBatch();
    c.commit();
  }
}
