package com.tmallbridge.cli;

import com.tmallbridge.BridgeApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the Spring application for a command, on the data directory (H2 file database) or on
 * the database URL the command line names. Started lazily: commands that need no database (such
 * as {@code sandbox}) never start it.
 */
final class SpringRuntime implements AutoCloseable {
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private ConfigurableApplicationContext context;

  SpringRuntime(Path dataDir, String dbUrl, String dbUser, String dbPassword) {
    properties.put("bridge.data", dataDir.toAbsolutePath().normalize().toString());
    if (dbUrl != null) {
      properties.put("spring.datasource.url", dbUrl);
      properties.put("spring.datasource.username", dbUser == null ? "" : dbUser);
      if (dbPassword != null) {
        properties.put("spring.datasource.password", dbPassword);
      }
    }
  }

  /** Adds a property before the context starts (e.g. demo tuning). */
  SpringRuntime with(String key, Object value) {
    if (context != null) {
      throw new IllegalStateException("the application has started already; cannot set " + key);
    }
    properties.put(key, value);
    return this;
  }

  <T> T bean(Class<T> type) {
    return context().getBean(type);
  }

  ConfigurableApplicationContext context() {
    if (context == null) {
      String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
      context = new SpringApplicationBuilder(BridgeApplication.class).logStartupInfo(false).run(args);
    }
    return context;
  }

  @Override
  public void close() {
    if (context != null) {
      context.close();
    }
  }
}
