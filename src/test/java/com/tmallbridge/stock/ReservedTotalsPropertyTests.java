package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The running totals of {@code stock_reserved} against the sum over open reservations they replace,
 * after random reserve (one line, or a batch as a page's import does) / release / deliver sequences — in committed and rolled-back transactions,
 * inside a transaction, and from concurrent import-like and delivery-like threads. The seed is
 * printed so a failure can be replayed with -Dstock.seed=N. Runs on H2 and on PostgreSQL.
 */
@DatabaseTest
class ReservedTotalsPropertyTests {
  /** The query the totals replaced. */
  private static final String OPEN_SUM = """
      select material, sum(quantity - delivered) as reserved from stock_reservation where status = 'OPEN' group by material""";
  private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");
  private static final List<MaterialCode> MATERIALS = List.of(
      new MaterialCode("M1"), new MaterialCode("M2"), new MaterialCode("M3"), new MaterialCode("M4"), new MaterialCode("M5"));

  private final long seed = Long.getLong("stock.seed", System.nanoTime());
  private final TestDatabase database = TestDatabase.create();
  private final HikariDataSource dataSource = dataSource(database);
  private final JdbcClient jdbc = JdbcClient.create(dataSource);
  private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  private final ReservedTotals totals = new ReservedTotals(jdbc, new JdbcTemplate(dataSource));
  private final ReservationRepository reservations = new ReservationRepository(jdbc, new JdbcTemplate(dataSource), totals);

  ReservedTotalsPropertyTests() {
    System.out.println("ReservedTotalsPropertyTests seed=" + seed + " db=" + database.kind());
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void totalsEqualTheSumOfOpenReservationsAfterRandomChanges() {
    Random random = new Random(seed);
    List<String[]> lines = new ArrayList<>();
    for (int round = 0; round < 120; round++) {
      boolean rollback = random.nextInt(6) == 0;
      int changes = 1 + random.nextInt(6);
      List<String[]> added = new ArrayList<>();
      tx.executeWithoutResult(status -> {
        for (int c = 0; c < changes; c++) {
          change(random, lines, added);
        }
        assertThat(reservations.openByMaterial(MATERIALS)).as("seed %d, inside the transaction", seed).isEqualTo(openSum());
        if (rollback) {
          status.setRollbackOnly();
        }
      });
      if (!rollback) {
        lines.addAll(added);
      }
      assertThat(stored()).as("seed %d, round %d (rolled back: %s)", seed, round, rollback).isEqualTo(openSum());
    }
    assertThat(openSum()).as("seed %d: the sequence reserved something", seed).isNotEmpty();
  }

  @Test
  void changesWithoutATransactionAreWrittenAtOnce() {
    reservations.reserve(new ShopId(1), "T1", "O1", MATERIALS.get(0), "I1", "", 5, NOW);
    reservations.deliver(new ShopId(1), "T1", "O1", MATERIALS.get(0), 2, NOW);

    assertThat(stored()).isEqualTo(Map.of(MATERIALS.get(0), 3L)).isEqualTo(openSum());
  }

  @Test
  void concurrentImportsAndDeliveriesNeitherDeadlockNorDrift() throws Exception {
    int trades = 60;
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int importer = t;
        done.add(threads.submit(() -> importPages(new Random(seed + importer), importer, trades)));
      }
      done.add(threads.submit(() -> deliverPages(new Random(seed + 7), trades)));
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(stored()).as("seed %d", seed).isEqualTo(openSum()).isNotEmpty();
  }

  @Test
  void theMigrationBackFillsTheTotalsOfExistingReservations() {
    TestDatabase old = TestDatabase.create();
    try (HikariDataSource ds = dataSource(old, "14")) {
      JdbcClient oldJdbc = JdbcClient.create(ds);
      String insert = """
          insert into stock_reservation (shop_id, tid, oid, material, num_iid, sku_id, quantity, delivered, status, reserved_at)
          values (1, :tid, 'O1', :material, 'I1', '', :quantity, :delivered, :status, current_timestamp)""";
      oldJdbc.sql(insert).param("tid", "T1").param("material", "M1").param("quantity", 5).param("delivered", 1).param("status", "OPEN").update();
      oldJdbc.sql(insert).param("tid", "T2").param("material", "M1").param("quantity", 2).param("delivered", 0).param("status", "OPEN").update();
      oldJdbc.sql(insert).param("tid", "T3").param("material", "M2").param("quantity", 9).param("delivered", 0).param("status", "RELEASED")
          .update();

      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

      Map<String, Long> backFilled = new HashMap<>();
      oldJdbc.sql("select material, reserved from stock_reserved").query(rs -> {
        backFilled.put(rs.getString(1), rs.getLong(2));
      });
      assertThat(backFilled).isEqualTo(Map.of("M1", 6L));
    }
  }

  /** Pages of trades of two lines each on random materials, reserved in one transaction per page. */
  private void importPages(Random random, int importer, int trades) {
    for (int from = 0; from < trades; from += 10) {
      int first = from;
      tx.executeWithoutResult(s -> {
        List<ReservationRepository.NewReservation> page = new ArrayList<>();
        for (int t = first; t < first + 10; t++) {
          for (int line = 0; line < 2; line++) {
            page.add(new ReservationRepository.NewReservation(new ShopId(1), "T" + importer + "-" + t, "O" + line, pick(random), "I", "",
                1 + random.nextInt(4)));
          }
        }
        reservations.reserveAll(page, NOW);
      });
    }
  }

  /** Deliveries and releases of whatever is open, a few trades per transaction, in the order the rows come. */
  private void deliverPages(Random random, int trades) {
    for (int round = 0; round < trades; round++) {
      List<String[]> open = jdbc.sql("select tid, oid, material, quantity from stock_reservation where status = 'OPEN' order by reserved_at, tid")
          .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
      if (open.isEmpty()) {
        continue;
      }
      tx.executeWithoutResult(s -> {
        for (int i = 0; i < 3; i++) {
          String[] row = open.get(random.nextInt(open.size()));
          if (random.nextBoolean()) {
            reservations.deliver(new ShopId(1), row[0], row[1], new MaterialCode(row[2]), 1 + random.nextInt(3), NOW);
          } else {
            reservations.release(new ShopId(1), row[0], random.nextBoolean() ? null : row[1], "CLOSED", NOW);
          }
        }
      });
    }
  }

  /**
   * One random change: a new reservation, a repeated one, a delivery (partial, exact or over), a line
   * or trade release, or a batch of new and repeated lines (a line may repeat within the batch).
   */
  private void change(Random random, List<String[]> lines, List<String[]> added) {
    int kind = lines.isEmpty() && added.isEmpty() ? 0 : random.nextInt(6);
    List<String[]> all = new ArrayList<>(lines);
    all.addAll(added);
    ShopId shop = new ShopId(1 + random.nextInt(2));
    switch (kind) {
      case 0 -> {
        String[] line = {Long.toString(shop.value()), "T" + random.nextInt(40), "O" + random.nextInt(3), pick(random).value()};
        if (reservations.reserve(shop(line), line[1], line[2], new MaterialCode(line[3]), "I", "", 1 + random.nextInt(5), NOW)) {
          added.add(line);
        }
      }
      case 1 -> {
        String[] line = all.get(random.nextInt(all.size()));
        reservations.reserve(shop(line), line[1], line[2], new MaterialCode(line[3]), "I", "", 1 + random.nextInt(5), NOW);
      }
      case 2, 3 -> {
        String[] line = all.get(random.nextInt(all.size()));
        reservations.deliver(shop(line), line[1], line[2], new MaterialCode(line[3]), random.nextInt(4), NOW);
      }
      case 4 -> {
        String[] line = all.get(random.nextInt(all.size()));
        reservations.release(shop(line), line[1], random.nextBoolean() ? line[2] : null, "REFUNDED", NOW);
      }
      default -> {
        List<String[]> batch = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
          batch.add(random.nextInt(3) == 0 ? all.get(random.nextInt(all.size())) : random.nextInt(4) == 0 && !batch.isEmpty()
              ? batch.get(random.nextInt(batch.size()))
              : new String[] {Long.toString(1 + random.nextInt(2)), "T" + random.nextInt(40), "O" + random.nextInt(3), pick(random).value()});
        }
        boolean[] created = reservations.reserveAll(batch.stream().map(l -> new ReservationRepository.NewReservation(shop(l), l[1], l[2],
            new MaterialCode(l[3]), "I", "", 1 + random.nextInt(5))).toList(), NOW);
        for (int i = 0; i < created.length; i++) {
          if (created[i]) {
            added.add(batch.get(i));
          }
        }
      }
    }
  }

  private static ShopId shop(String[] line) {
    return new ShopId(Long.parseLong(line[0]));
  }

  private static MaterialCode pick(Random random) {
    return MATERIALS.get(random.nextInt(MATERIALS.size()));
  }

  /** The old answer, materials with no open units left out. */
  private Map<MaterialCode, Long> openSum() {
    Map<MaterialCode, Long> sums = new HashMap<>();
    jdbc.sql(OPEN_SUM).query(rs -> {
      if (rs.getLong(2) != 0) {
        sums.put(new MaterialCode(rs.getString(1)), rs.getLong(2));
      }
    });
    return sums;
  }

  /** What the table holds, zero totals left out (a material whose reservations all closed keeps its row). */
  private Map<MaterialCode, Long> stored() {
    Map<MaterialCode, Long> totals = new HashMap<>();
    jdbc.sql("select material, reserved from stock_reserved").query(rs -> {
      if (rs.getLong(2) != 0) {
        totals.put(new MaterialCode(rs.getString(1)), rs.getLong(2));
      }
    });
    return totals;
  }

  private static HikariDataSource dataSource(TestDatabase db) {
    return dataSource(db, null);
  }

  private static HikariDataSource dataSource(TestDatabase db, String target) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.username());
    config.setPassword(db.password());
    config.setMaximumPoolSize(5);
    config.setMinimumIdle(0);
    HikariDataSource ds = new HikariDataSource(config);
    var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (target != null) {
      flyway = flyway.target(target);
    }
    flyway.load().migrate();
    return ds;
  }
}
