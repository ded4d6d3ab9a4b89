package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.shop.Shop;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The shipments and after-sale screens on seeded rows: states, split parcels, intercept and return, filters, shop scopes. */
class ShipmentsAndAfterSaleScreenTests extends ConsoleWebTestBase {
  @Autowired ErpRegistry erp;

  private Shop east;
  private Shop west;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    Console3Seeds seeds = new Console3Seeds(jdbc, erp);
    Instant at = Instant.parse("2026-12-05T01:00:00Z");
    seeds.shipment(east.id(), "3001", "D-1", "30011", false, "SF100", "SENT", null, "ok", at);
    seeds.shipment(east.id(), "3001", "D-2", "30012,30013", false, "SF101", "FAILED", "UNMAPPED_CARRIER", "no Tmall company for SF", at);
    seeds.shipment(east.id(), "3002", "D-3", "30021", true, "YT200", "SENT", null, "ok", at.plusSeconds(60));
    seeds.shipment(west.id(), "4001", "D-4", "40011", true, "ZT300", "PENDING", null, null, at);
    seeds.refund(east.id(), "R1", "3003", "WAIT_SELLER_AGREE", "HELD", "BEFORE", null, false, null, at);
    seeds.refund(east.id(), "R2", "3004", "SUCCESS", "RESTOCKED", "AFTER", "RT-2", false, null, at.plusSeconds(10));
    seeds.refund(east.id(), "R3", "3005", "WAIT_SELLER_AGREE", "EXCEPTION", "BEFORE", null, true, "AFTERSALE-003", at.plusSeconds(20));
    seeds.refund(west.id(), "R4", "4002", "SUCCESS", "LINES_CANCELLED", "BEFORE", null, false, null, at);
  }

  @Test
  void shipmentsShowStateTrackingSplitParcelsAndTheWriteBackResult() throws Exception {
    String page = html(get("/shipments").param("lang", "en"), principal(Role.AUDITOR));

    assertThat(page).contains("<td>EAST</td><td>3001</td><td>D-2</td><td>split (2 parcels): 30012,30013</td><td>SF</td><td>SF101</td>")
        .contains("tag tag-red\">FAILED<").contains("UNMAPPED_CARRIER: no Tmall company for SF");
    assertThat(page).contains("<td>3002</td><td>D-3</td><td>whole trade</td>").contains("<td>2026-12-05 09:01:00</td>");
    assertThat(page.indexOf("D-3")).as("newest first").isLessThan(page.indexOf("D-1"));
    assertThat(page).contains("<td>WEST</td><td>4001</td>");

    String failed = html(get("/shipments").param("state", "FAILED").header("HX-Request", "true"), principal(Role.OPERATOR));
    assertThat(failed).startsWith("<div id=\"results\">").contains("D-2").doesNotContain("D-1").doesNotContain("D-3");
    assertThat(html(get("/shipments").param("q", "300"), principal(Role.OPERATOR))).contains("D-3").doesNotContain("D-4");
    mvc.perform(get("/shipments").param("state", "LOST").with(user(principal(Role.ADMIN)))).andExpect(status().isBadRequest());
  }

  @Test
  void refundCasesShowStageInterceptAndReturnWithRetryForWorkersOnly() throws Exception {
    String page = html(get("/aftersale").param("lang", "en"), principal(Role.OPERATOR));

    assertThat(page).contains("<td>R1</td><td>3003</td><td>RETURN</td><td class=\"num\">123.45</td>").contains("delivery held");
    assertThat(page).contains(">RESTOCKED<").contains("back on stock RT-2");
    assertThat(page).contains("shipped despite the hold").contains("AFTERSALE-003: the ERP refused: AFTERSALE-003")
        .contains("/refunds/" + east.id().value() + "/R3/retry");
    assertThat(page).as("only a case with an exception has a retry button").doesNotContain("/R1/retry");
    assertThat(html(get("/aftersale"), principal(Role.AUDITOR))).contains("已拦截发货").doesNotContain("/retry");

    String held = html(get("/aftersale").param("stage", "HELD").header("HX-Request", "true"), principal(Role.ADMIN));
    assertThat(held).contains(">R1<").doesNotContain(">R2<").doesNotContain(">R4<");
  }

  @Test
  void bothScreensKeepToTheUsersShops() throws Exception {
    var wes = principal("wes", Role.OPERATOR, ShopScope.only(only(west)));

    assertThat(html(get("/shipments"), wes)).contains("D-4").doesNotContain("D-1").doesNotContain(">EAST<");
    assertThat(html(get("/aftersale"), wes)).contains(">R4<").doesNotContain(">R1<").doesNotContain(">R3<");
    mvc.perform(get("/shipments").param("shop", "EAST").with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(get("/aftersale").param("shop", "EAST").with(user(wes))).andExpect(status().isNotFound());
  }

  private String html(MockHttpServletRequestBuilder request, ConsolePrincipal as) throws Exception {
    var response = mvc.perform(request.with(user(as))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    response.setCharacterEncoding("UTF-8");
    return response.getContentAsString().replaceAll(">\\s+<", "><");
  }
}
