package com.tmallbridge.erp.tryton;

import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.sandbox.erp.TrytonServer;
import java.util.Map;

/** Connection settings and a shared connector for the test JVM's one Tryton server. */
public final class TrytonTestConnection {
  /** The bridge's name for Tryton's default warehouse {@code WH}, to exercise the code mapping. */
  public static final String WAREHOUSE = "WH01";

  private static TrytonConnector connector;

  private TrytonTestConnection() {}

  static TrytonProperties properties() {
    return properties(TrytonServer.PASSWORD);
  }

  static TrytonProperties properties(String password) {
    TrytonServer server = SharedTrytonServer.get();
    return TrytonProperties.of(server.url(), TrytonServer.DATABASE, TrytonServer.USER, password, Map.of(WAREHOUSE, "WH"));
  }

  public static synchronized TrytonConnector connector() {
    if (connector == null) {
      TrytonProperties properties = properties();
      connector = new TrytonConnector(new TrytonClient(properties), properties);
    }
    return connector;
  }
}
