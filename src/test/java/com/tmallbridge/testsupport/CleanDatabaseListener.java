package com.tmallbridge.testsupport;

import javax.sql.DataSource;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Restores the migrated database state for {@link CleanDatabase} classes; see there. */
public final class CleanDatabaseListener implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    MigratedState.restore(testContext.getApplicationContext().getBean(DataSource.class));
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      MigratedState.restore(testContext.getApplicationContext().getBean(DataSource.class));
    }
  }

  /** After the default listeners' set-up (dependency injection), before the test's own {@code @BeforeEach}. */
  @Override
  public int getOrder() {
    return 6_000;
  }
}
