package com.tmallbridge.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for {@code @SpringBootTest} classes that need a database: each test class gets its own
 * fresh database from {@link TestDatabase}, migrated by Flyway at startup.
 */
@DatabaseTest
public abstract class SpringDatabaseTestBase {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase db = TestDatabase.create();
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::username);
    registry.add("spring.datasource.password", db::password);
  }
}
