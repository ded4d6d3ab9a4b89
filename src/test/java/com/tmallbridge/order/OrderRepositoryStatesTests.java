package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link OrderRepository#states} on each database (PostgreSQL has a statement of its own: one probe per tid). */
@DatabaseTest
class OrderRepositoryStatesTests {
  private final TestDatabase database = TestDatabase.create();
  private final HikariDataSource dataSource = dataSource(database);
  private final JdbcTemplate template = new JdbcTemplate(dataSource);
  private final OrderRepository repository = new OrderRepository(JdbcClient.create(template), template);

  private static HikariDataSource dataSource(TestDatabase database) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(database.url());
    ds.setUsername(database.username());
    ds.setPassword(database.password());
    ds.setMaximumPoolSize(2);
    Flyway.configure().dataSource(ds).locations(database.migrationLocations()).load().migrate();
    return ds;
  }

  @AfterEach
  void close() {
    if (database.kind().equals("postgres")) {
      template.execute("DROP SCHEMA " + template.queryForObject("SELECT current_schema()", String.class) + " CASCADE");
    }
    dataSource.close();
  }

  @Test
  void statesOfTheShopsOwnTradesOnlyAndNoneForUnknownTids() {
    trade(1, "1001", TradeState.EXPORTED);
    trade(1, "1002", TradeState.QUEUED);
    trade(2, "1001", TradeState.QUEUED);
    trade(2, "2001", TradeState.EXPORTED);

    assertThat(repository.states(new ShopId(1), List.of("1001", "1002", "2001", "9999")))
        .containsOnly(entry("1001", TradeState.EXPORTED), entry("1002", TradeState.QUEUED));
    assertThat(repository.states(new ShopId(2), List.of("1001"))).containsOnly(entry("1001", TradeState.QUEUED));
    assertThat(repository.states(new ShopId(1), List.of())).isEmpty();
  }

  private static java.util.Map.Entry<String, TradeState> entry(String tid, TradeState state) {
    return java.util.Map.entry(tid, state);
  }

  private void trade(long shop, String tid, TradeState state) {
    OffsetDateTime t = OffsetDateTime.parse("2025-11-11T00:00:00Z");
    template.update("""
        insert into order_trade (shop_id, tid, status, created, modified, ever_paid, payment_fen, post_fee_fen, state,
                                 first_seen_at, updated_at)
        values (?, ?, 'WAIT_SELLER_SEND_GOODS', ?, ?, true, 100, 0, ?, ?, ?)""", shop, tid, t, t, state.name(), t, t);
  }
}
