package com.tmallbridge.sandbox.erp;

import org.junit.jupiter.api.Assumptions;

/**
 * The one Tryton server of a test JVM: started on first use, stopped by a shutdown hook, so the
 * suite pays the start cost once. When Tryton is not installed the tests that use it fail (CI
 * installs it); a developer without it skips them with {@code -Dbridge.test.tryton=skip}.
 */
public final class SharedTrytonServer {
  /** The system property that lets a developer skip the Tryton tests: {@code -Dbridge.test.tryton=skip}. */
  public static final String SKIP_PROPERTY = "bridge.test.tryton";

  private static TrytonServer server;
  private static RuntimeException failure;

  private SharedTrytonServer() {}

  /** The running server; the calling test is skipped when {@code -Dbridge.test.tryton=skip}. */
  public static synchronized TrytonServer get() {
    Assumptions.assumeFalse("skip".equals(System.getProperty(SKIP_PROPERTY)), "Tryton tests skipped (-Dbridge.test.tryton=skip)");
    if (failure != null) {
      throw failure;
    }
    if (server == null) {
      try {
        TrytonServer started = new TrytonServer(TrytonServer.Settings.defaults()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "tryton-stop"));
        server = started;
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return server;
  }
}
