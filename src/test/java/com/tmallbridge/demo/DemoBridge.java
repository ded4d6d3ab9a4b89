package com.tmallbridge.demo;

import com.tmallbridge.BridgeApplication;
import com.tmallbridge.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bridge of one demo test's own, as {@code ./bridge demo} starts it: its own application context
 * (not one from the test context cache, which may close a context the other test lane still uses;
 * see {@code RunsAlongside}) on a fresh migrated test database of its own, its data directory (log
 * file) in {@code data}. Closing it closes the context and drops the database.
 */
final class DemoBridge implements AutoCloseable {
  private final TestDatabase database;
  private final ConfigurableApplicationContext context;

  private DemoBridge(TestDatabase database, ConfigurableApplicationContext context) {
    this.database = database;
    this.context = context;
  }

  /** Starts the bridge with {@code properties} ({@code key=value}) on top of the application's own. */
  static DemoBridge start(Path data, String... properties) {
    TestDatabase database = TestDatabase.createMigrated();
    List<String> args = new ArrayList<>(List.of("--bridge.data=" + data.toAbsolutePath(), "--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password()));
    for (String property : properties) {
      args.add("--" + property);
    }
    try {
      return new DemoBridge(database, new SpringApplicationBuilder(BridgeApplication.class).logStartupInfo(false)
          .run(args.toArray(String[]::new)));
    } catch (RuntimeException e) {
      database.drop();
      throw e;
    }
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      database.drop();
    }
  }
}
