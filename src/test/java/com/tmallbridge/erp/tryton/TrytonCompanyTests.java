package com.tmallbridge.erp.tryton;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.sandbox.erp.TrytonServer;
import com.tmallbridge.sandbox.erp.TrytonRpc;
import com.tmallbridge.testsupport.RunsAlongside;
import org.junit.jupiter.api.Test;

/**
 * {@code bridge.erp.tryton.company}: the bridge books in the configured company when the user may
 * work in it; any other company is refused at login, naming the setting.
 */
@RunsAlongside("waits for the shared Tryton server")
class TrytonCompanyTests {

  @Test
  void theConfiguredCompanyOfTheUserIsUsed() {
    TrytonServer server = SharedTrytonServer.get();
    long company = ((Number) new TrytonRpc(server.url(), TrytonServer.DATABASE, TrytonServer.USER, TrytonServer.PASSWORD).login()
        .context().get("company")).longValue();
    TrytonProperties properties = TrytonTestConnection.properties().withCompany(company);

    TrytonClient client = new TrytonClient(properties);

    assertThat(new TrytonConnector(client, properties).check().ok()).isTrue();
    assertThat(client.company()).isEqualTo(company);
  }

  @Test
  void aCompanyTheUserMayNotWorkInIsRefusedAtLogin() {
    TrytonProperties properties = TrytonTestConnection.properties().withCompany(9999);

    var health = new TrytonConnector(new TrytonClient(properties), properties).check();

    assertThat(health.ok()).isFalse();
    assertThat(health.detail()).contains("TRYTON-001").contains("company 9999").contains("bridge.erp.tryton.company");
  }
}
