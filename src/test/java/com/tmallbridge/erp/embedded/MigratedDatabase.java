package com.tmallbridge.erp.embedded;

import com.tmallbridge.secret.FieldCipher;
import com.tmallbridge.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh {@link TestDatabase} with all Flyway migrations applied and a small connection pool,
 * wired the way Spring wires the built-in ERP: one DataSource, one transaction manager.
 */
final class MigratedDatabase implements AutoCloseable {
  private final TestDatabase database;
  private final HikariDataSource dataSource;
  private final JdbcTransactionManager transactions;

  private MigratedDatabase(TestDatabase database, HikariDataSource dataSource) {
    this.database = database;
    this.dataSource = dataSource;
    this.transactions = new JdbcTransactionManager(dataSource);
  }

  static MigratedDatabase create() {
    return create(config -> {});
  }

  /** A migrated database whose pool is further configured by {@code tuning}. */
  static MigratedDatabase create(Consumer<HikariConfig> tuning) {
    TestDatabase db = TestDatabase.createMigrated();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.username());
    config.setPassword(db.password());
    config.setMaximumPoolSize(8);
    tuning.accept(config);
    HikariDataSource dataSource = new HikariDataSource(config);
    return new MigratedDatabase(db, dataSource);
  }

  EmbeddedErpConnector connector(Clock clock) {
    return connector(clock, EmbeddedErpProperties.defaults());
  }

  EmbeddedErpConnector connector(Clock clock, EmbeddedErpProperties properties) {
    return new EmbeddedErpConnector(dataSource, transactions, clock, properties, FieldCipher.ephemeral());
  }

  /** Transactions of the manager the connector's writes join. */
  TransactionTemplate transaction() {
    return new TransactionTemplate(transactions);
  }

  DataSource dataSource() {
    return dataSource;
  }

  JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  /** Closes the pool and drops the database (see {@link TestDatabase#drop}). */
  @Override
  public void close() {
    dataSource.close();
    database.drop();
  }
}
