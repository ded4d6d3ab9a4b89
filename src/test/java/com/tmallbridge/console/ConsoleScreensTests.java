package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Checkpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's screens with real rows: content, language, shop scopes, role denial, and the audited retry with CSRF. */
class ConsoleScreensTests extends ConsoleWebTestBase {
  @Autowired Clock clock;
  @Autowired Checkpoints checkpoints;
  @Autowired OrderManagement orders;
  @Autowired AuditManagement audit;

  private Shop east;
  private Shop west;
  private Instant now;
  private Instant yesterday;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    now = clock.instant();
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    Instant dayStart = LocalDate.ofInstant(now, shanghai).atStartOfDay(shanghai).toInstant();
    yesterday = dayStart.minus(Duration.ofHours(2));
  }

  @Test
  void theDashboardCountsTodaysOrdersExceptionsAndLagFromTheDatabaseInChineseByDefault() throws Exception {
    trade(east.id(), "1001", "EXPORTED", now.minusSeconds(60), now.minusSeconds(30), null);
    trade(east.id(), "1002", "EXCEPTION", now.minusSeconds(50), null, "UNMAPPED_SKU");
    trade(east.id(), "0999", "EXPORTED", yesterday, yesterday, null);
    exception(east.id(), "1002", "UNMAPPED_SKU", now.minusSeconds(50));
    checkpoints.advance("tmall", "trades", east.id(), now.minusSeconds(120));

    String page = html(get("/"), principal(Role.ADMIN));

    assertThat(page).contains("今日进单").contains("id=\"received\">2<").contains("id=\"exported\">1<").contains("id=\"held\">1<");
    assertThat(page).contains("<td>UNMAPPED_SKU</td><td>1</td>");
    assertThat(page).contains("<td>EAST</td><td>tmall/trades</td>");
    assertThat(html(get("/").param("lang", "en"), principal(Role.ADMIN))).contains("Orders in today").doesNotContain("今日进单");
  }

  @Test
  void aUserLimitedToOneShopSeesOnlyThatShopsFigures() throws Exception {
    trade(east.id(), "1001", "EXPORTED", now.minusSeconds(60), now.minusSeconds(30), null);
    exception(east.id(), "1001", "UNMAPPED_SKU", now.minusSeconds(50));
    checkpoints.advance("tmall", "trades", east.id(), now.minusSeconds(120));

    String page = html(get("/"), principal("wes", Role.OPERATOR, ShopScope.only(only(west))));

    assertThat(page).contains("id=\"received\">0<").contains("id=\"exported\">0<").contains("id=\"held\">0<");
    assertThat(page).doesNotContain("UNMAPPED_SKU").doesNotContain("<td>EAST</td>");
  }

  @Test
  void theOrdersListSearchesByTradeIdPagesByFiftyAndKeepsToTheUsersShops() throws Exception {
    for (int i = 0; i < 51; i++) {
      trade(east.id(), "2" + String.format("%03d", i), "EXPORTED", now.minusSeconds(600 - i), now.minusSeconds(500), null);
    }
    trade(west.id(), "3001", "QUEUED", now.minusSeconds(10), null, null);

    String first = html(get("/orders"), principal(Role.AUDITOR));
    assertThat(first.split("class=\"trade\"", -1)).hasSize(51);
    assertThat(first).contains("page=1").contains(">3001<");
    String second = html(get("/orders").param("page", "1"), principal(Role.AUDITOR));
    assertThat(second.split("class=\"trade\"", -1)).hasSize(3);

    assertThat(html(get("/orders").param("q", "3001"), principal(Role.AUDITOR))).contains(">3001<").doesNotContain(">2000<");
    String eastOnly = html(get("/orders"), principal("ed", Role.OPERATOR, ShopScope.only(only(east))));
    assertThat(eastOnly).doesNotContain(">3001<").contains(">2050<");
    assertThat(html(get("/orders").header("HX-Request", "true").param("q", "3001"), principal(Role.ADMIN)))
        .contains(">3001<").doesNotContain("<nav");
  }

  @Test
  void anOperatorRetriesAnExceptionAndTheAuditLogNamesTheOperatorAndAddress() throws Exception {
    trade(east.id(), "4001", "EXCEPTION", now.minusSeconds(60), null, "AMEND-ADDRESS");
    long id = exception(east.id(), "4001", "AMEND-ADDRESS", now.minusSeconds(60));

    String list = html(get("/exceptions"), principal("olga", Role.OPERATOR, ShopScope.everyShop()));
    assertThat(list).contains("AMEND-ADDRESS").contains("/exceptions/" + id + "/retry");

    mvc.perform(post("/exceptions/{id}/retry", id).with(csrf()).with(user(principal("olga", Role.OPERATOR, ShopScope.everyShop()))))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/exceptions"));

    assertThat(orders.exception(id).orElseThrow().status()).isEqualTo("RESOLVED");
    AuditEntry entry = audit.entries(AuditAction.EXCEPTION_ACTION, null, "exception:" + id, null, null, 5).get(0);
    assertThat(entry.actor()).isEqualTo("olga");
    assertThat(entry.source()).isEqualTo("127.0.0.1");
  }

  @Test
  void aRetryNeedsTheCsrfTokenTheRightRoleAndTheUsersShop() throws Exception {
    long id = exception(east.id(), "4002", "AMEND-ADDRESS", now.minusSeconds(60));

    mvc.perform(post("/exceptions/{id}/retry", id).with(user(principal(Role.OPERATOR)))).andExpect(status().isForbidden());
    mvc.perform(post("/exceptions/{id}/retry", id).with(csrf()).with(user(principal(Role.AUDITOR)))).andExpect(status().isForbidden());
    mvc.perform(post("/exceptions/{id}/retry", id).with(csrf()).with(user(principal("wes", Role.OPERATOR, ShopScope.only(only(west))))))
        .andExpect(status().isNotFound());

    assertThat(orders.exception(id).orElseThrow().status()).isEqualTo("OPEN");
    assertThat(audit.entries(AuditAction.EXCEPTION_ACTION, null, null, null, null, 5)).isEmpty();
    assertThat(html(get("/exceptions"), principal(Role.AUDITOR))).contains("AMEND-ADDRESS").doesNotContain("/retry");
    assertThat(html(get("/exceptions"), principal("wes", Role.OPERATOR, ShopScope.only(only(west))))).doesNotContain("AMEND-ADDRESS");
  }

  @Test
  void aRefundRetryOfAnotherShopOrAnUnknownRefundAnswersNotFound() throws Exception {
    mvc.perform(post("/refunds/{shop}/{refund}/retry", east.id().value(), "R1").with(csrf())
            .with(user(principal("wes", Role.OPERATOR, ShopScope.only(only(west))))))
        .andExpect(status().isNotFound());
    mvc.perform(post("/refunds/{shop}/{refund}/retry", east.id().value(), "R1").with(csrf()).with(user(principal(Role.OPERATOR))))
        .andExpect(status().isNotFound());
    mvc.perform(post("/refunds/{shop}/{refund}/retry", east.id().value(), "R1").with(csrf()).with(user(principal(Role.AUDITOR))))
        .andExpect(status().isForbidden());
    assertThat(audit.entries(AuditAction.EXCEPTION_ACTION, null, null, null, null, 5)).isEmpty();
  }

  @Test
  void theAuditLogScreenIsForAdminsAndAuditorsOnly() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);

    assertThat(html(get("/audit"), principal(Role.AUDITOR))).contains("USER_CHANGE").contains("user:olga");
    mvc.perform(get("/audit").with(user(principal(Role.OPERATOR)))).andExpect(status().isForbidden());
    assertThat(html(get("/"), principal(Role.OPERATOR))).doesNotContain("href=\"/audit\"");
  }

  private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, ConsolePrincipal who)
      throws Exception {
    return mvc.perform(request.with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }
}
