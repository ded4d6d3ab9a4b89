package com.tmallbridge.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for {@code @SpringBootTest} classes that need a database: each application context gets its
 * own fresh, migrated database from {@link TestDatabase#createMigrated} (Flyway at startup finds
 * nothing left to apply).
 */
@DatabaseTest
public abstract class SpringDatabaseTestBase {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase db = TestDatabase.createMigrated();
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::username);
    registry.add("spring.datasource.password", db::password);
  }
}
