package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.shop.Shop;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The reconciliation screen: a day's summary and differences with both sides' amounts, the re-run for admins and auditors, shop scopes. */
class ReconciliationScreenTests extends ConsoleWebTestBase {
  private Shop east;
  private Shop west;
  private LocalDate day;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    day = LocalDate.ofInstant(appClock.instant(), ZoneId.of("Asia/Shanghai")).minusDays(1);
    paidTrade(east, "7001", 8_800);
    paidTrade(west, "8001", 100);
  }

  private void paidTrade(Shop shop, String tid, long paymentFen) {
    var paid = day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant().atOffset(ZoneOffset.UTC);
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
            first_seen_at, updated_at)
        values (:shop, :tid, 'WAIT_SELLER_SEND_GOODS', :paid, :paid, :paid, true, :payment, 0, 'QUEUED', :paid, :paid)""")
        .param("shop", shop.id().value()).param("tid", tid).param("paid", paid).param("payment", paymentFen).update();
  }

  @Test
  void anAuditorRunsADayAgainAndSeesEachDifferenceWithBothSidesAndALinkToTheOrder() throws Exception {
    String before = html(get("/money/reconciliation").param("date", day.toString()).param("shop", "EAST").param("lang", "en"),
        principal(Role.AUDITOR));
    assertThat(before).contains("This day has not been reconciled yet").contains("Reconcile this day");

    mvc.perform(post("/money/reconciliation/run").param("shop", "EAST").param("date", day.toString()).with(csrf())
            .with(user(principal(Role.AUDITOR))))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/money/reconciliation?shop=EAST&date=" + day));

    String page = html(get("/money/reconciliation").param("date", day.toString()).param("lang", "en"), principal(Role.OPERATOR));
    assertThat(page).contains("<td>EAST</td><td class=\"num\">1</td><td class=\"num\">88.00</td>")
        .contains("href=\"/orders/" + east.id().value() + "/7001\"").contains(">Missing in ERP<")
        .contains("<td class=\"num\">88.00</td><td class=\"num\">-</td><td class=\"num\">-</td><td>Tmall WAIT_SELLER_SEND_GOODS</td>")
        .doesNotContain("8001").doesNotContain("Run again");
    assertThat(html(get("/money/reconciliation").param("date", day.toString()), principal(Role.ADMIN))).contains("重新对账").contains("ERP 缺单");
  }

  @Test
  void operatorsMayNotRunAndScopedUsersSeeOnlyTheirShops() throws Exception {
    mvc.perform(post("/money/reconciliation/run").param("shop", "EAST").param("date", day.toString()).with(csrf())
        .with(user(principal(Role.OPERATOR)))).andExpect(status().isForbidden());
    var wes = principal("wes", Role.AUDITOR, ShopScope.only(only(west)));
    mvc.perform(post("/money/reconciliation/run").param("shop", "EAST").param("date", day.toString()).with(csrf()).with(user(wes)))
        .andExpect(status().isNotFound());
    mvc.perform(post("/money/reconciliation/run").param("shop", "WEST").param("date", day.toString()).with(csrf()).with(user(wes)))
        .andExpect(status().is3xxRedirection());
    assertThat(html(get("/money/reconciliation").param("date", day.toString()), wes)).contains("8001").doesNotContain("7001");
    mvc.perform(get("/money/reconciliation").param("date", "someday").with(user(wes))).andExpect(status().isBadRequest());
  }

  private String html(MockHttpServletRequestBuilder request, ConsolePrincipal as) throws Exception {
    var response = mvc.perform(request.with(user(as))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    response.setCharacterEncoding("UTF-8");
    return response.getContentAsString().replaceAll(">\\s+<", "><");
  }
}
