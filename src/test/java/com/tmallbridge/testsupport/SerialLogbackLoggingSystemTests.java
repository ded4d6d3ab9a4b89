package com.tmallbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.mock.env.MockEnvironment;

/**
 * The test JVM's logging system is {@link SerialLogbackLoggingSystem} (pom.xml), and with it two
 * applications' logging can be set up and cleared at the same time, as the two test lanes do.
 */
@Isolated("resets the JVM's one Logback context many times")
class SerialLogbackLoggingSystemTests {

  @Test
  void theTestJvmUsesTheSerialLoggingSystem() {
    assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(SerialLogbackLoggingSystem.class);
  }

  @Test
  void startsAndClosesOfTwoApplicationsAtOnceLeaveEachStartAWholeConfiguration() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        runs.add(threads.submit(() -> {
          go.await();
          LoggingSystem logging = new SerialLogbackLoggingSystem(getClass().getClassLoader());
          for (int i = 0; i < 40; i++) {
            logging.beforeInitialize();
            logging.initialize(new LoggingInitializationContext(new MockEnvironment()), null, null);
            logging.cleanUp();
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> run : runs) {
        run.get(2, TimeUnit.MINUTES); // throws what a start threw, e.g. "Unable to find Spring Environment in logger context"
      }
    } finally {
      threads.shutdownNow();
      // leave the context configured, as an application's start would
      LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
      logging.beforeInitialize();
      logging.initialize(new LoggingInitializationContext(new MockEnvironment()), null, null);
    }
  }
}
