package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.tmallbridge.alert.AlertManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Checkpoints;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /actuator/prometheus} as {@code serve} serves it: the operations gauges (open exceptions per
 * shop and reason, sync lag per shop and stream, open alerts per kind) from seeded rows, and the
 * scrape token: the right bearer token reads it without a session, a wrong one or a token on
 * another path gets nothing.
 */
@TestPropertySource(properties = {"bridge.console.metrics-token=" + MetricsScrapeTests.TOKEN, "bridge.alerts.open-exceptions-threshold=1"})
class MetricsScrapeTests extends ConsoleWebTestBase {
  static final String TOKEN = "scrape-0123456789abcdefghij";

  @Autowired AlertManagement alerts;
  @Autowired Checkpoints checkpoints;

  @Test
  void theScrapeCarriesOpenExceptionsSyncLagAndOpenAlerts() throws Exception {
    Shop shop = shop("TM01");
    Instant now = appClock.instant();
    exception(shop.id(), "T1", "UNMAPPED_SKU", now);
    exception(shop.id(), "T2", "UNMAPPED_SKU", now);
    exception(shop.id(), "T3", "ERP_REJECTED", now);
    checkpoints.advance("tmall", "trades", shop.id(), now.minus(Duration.ofMinutes(5)));
    alerts.evaluate();

    String scrape = scrape(mvc.perform(get("/actuator/prometheus").with(user(principal(Role.ADMIN)))).andReturn().getResponse());

    assertThat(scrape).contains("bridge_exceptions_open{reason=\"UNMAPPED_SKU\",shop=\"TM01\"} 2.0",
        "bridge_exceptions_open{reason=\"ERP_REJECTED\",shop=\"TM01\"} 1.0",
        "bridge_alerts_open{kind=\"OPEN_EXCEPTIONS\"} 1.0", "bridge_alerts_open{kind=\"SYNC_LAG\"} 0.0");
    assertThat(scrape.lines().filter(l -> l.startsWith("bridge_sync_lag_seconds{shop=\"TM01\",source=\"tmall\",stream=\"trades\"}")))
        .singleElement().satisfies(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isBetween(300.0, 360.0));
  }

  @Test
  void theMetricsTokenReadsTheScrapeWithoutASession() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
        .andReturn().getResponse();

    assertThat(scrape(response)).contains("jvm_memory_used_bytes");
    assertThat(response.getCookie("BRIDGE_SESSION")).isNull();
  }

  @Test
  void aWrongTokenIsSentToTheLogin() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN + "x"))
        .andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).endsWith("/login");
  }

  @Test
  void theTokenOpensNoOtherPath() throws Exception {
    for (String path : new String[] {"/", "/orders", "/audit", "/actuator/env"}) {
      MockHttpServletResponse response = mvc.perform(get(path).header("Authorization", "Bearer " + TOKEN)).andReturn().getResponse();
      assertThat(response.getStatus()).as(path).isIn(302, 403);
    }
  }

  private static String scrape(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("text/plain");
    return response.getContentAsString();
  }
}
