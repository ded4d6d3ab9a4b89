package com.tmallbridge.testsupport;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;

/**
 * Spring Boot's Logback logging system for the test JVM, with every step that resets or configures
 * Logback's one logger context taken under one JVM-wide lock. Spring Boot resets and configures that
 * context at each application's start and clears it at each close; with two test lanes ({@link
 * RunsAlongside}) two applications start and close at the same time, and one start then failed with
 * "Unable to find Spring Environment in logger context" (the other had just cleared it). Chosen by the
 * system property {@code org.springframework.boot.logging.LoggingSystem} in pom.xml's Surefire
 * configuration; the bridge's own child processes (crash tests) keep Spring Boot's default.
 */
public class SerialLogbackLoggingSystem extends LogbackLoggingSystem {
  private static final Object LOCK = new Object();

  public SerialLogbackLoggingSystem(ClassLoader classLoader) {
    super(classLoader);
  }

  @Override
  public void beforeInitialize() {
    synchronized (LOCK) {
      super.beforeInitialize();
    }
  }

  @Override
  public void initialize(LoggingInitializationContext context, @Nullable String configLocation, @Nullable LogFile logFile) {
    synchronized (LOCK) {
      super.initialize(context, configLocation, logFile);
    }
  }

  @Override
  public void cleanUp() {
    synchronized (LOCK) {
      super.cleanUp();
    }
  }

  @Override
  public void setLogLevel(@Nullable String loggerName, @Nullable LogLevel level) {
    synchronized (LOCK) {
      super.setLogLevel(loggerName, level);
    }
  }

  @Override
  public Runnable getShutdownHandler() {
    Runnable handler = super.getShutdownHandler();
    return () -> {
      synchronized (LOCK) {
        handler.run();
      }
    };
  }
}
