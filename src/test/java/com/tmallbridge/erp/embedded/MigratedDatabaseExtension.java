package com.tmallbridge.erp.embedded;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link MigratedDatabase} per test class: register it as a static field with
 * {@code @RegisterExtension}; it is migrated before the first test and closed after the last.
 */
final class MigratedDatabaseExtension implements BeforeAllCallback, AfterAllCallback {
  private MigratedDatabase database;

  @Override
  public void beforeAll(ExtensionContext context) {
    database = MigratedDatabase.create();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    database.close();
  }

  MigratedDatabase get() {
    if (database == null) {
      throw new IllegalStateException("register MigratedDatabaseExtension as a static @RegisterExtension field");
    }
    return database;
  }
}
