package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.order.TradeMessages;
import com.tmallbridge.shop.Shop;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's "stock figures pushed to Tmall today" (listings whose last successful push is at
 * or after midnight China Standard Time, of the user's shops) counted from seeded publications,
 * and its "TMC messages since start" (the process-wide counter of the TMC consumer, all shops).
 */
class DashboardPushesTests extends ConsoleWebTestBase {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired ErpRegistry erp;
  @Autowired TradeMessages messages;

  @BeforeEach
  void seed() {
    Shop east = shop("EAST");
    Shop west = shop("WEST");
    Instant dayStart = LocalDate.ofInstant(appClock.instant(), SHANGHAI).atStartOfDay(SHANGHAI).toInstant();
    Console3Seeds seeds = new Console3Seeds(jdbc, erp);
    seeds.material("MUG", 10);
    seeds.publication(east.id(), "5001", "71", "MUG", 10, 10L, dayStart, null);
    seeds.publication(east.id(), "5001", "72", "MUG", 10, 10L, dayStart.plus(Duration.ofHours(3)), null);
    // pushed today, then a later push failed: its last success is still today
    seeds.publication(east.id(), "5001", "73", "MUG", 9, 10L, dayStart.plusSeconds(60), "item is delisted");
    seeds.publication(east.id(), "5002", "", "MUG", 10, 10L, dayStart.minusSeconds(1), null);
    seeds.publication(east.id(), "5003", "", "MUG", 10, null, null, "never pushed");
    seeds.publication(west.id(), "9001", "91", "MUG", 10, 10L, dayStart.plus(Duration.ofMinutes(5)), null);
  }

  @Test
  void countsTheListingsPushedTodayOfTheUsersShops() throws Exception {
    assertThat(figure(page(principal(Role.AUDITOR)), "stock-pushed")).isEqualTo("4");
    assertThat(figure(page(principal("ed", Role.OPERATOR, ShopScope.only(only(shops.findByCode("EAST").orElseThrow())))), "stock-pushed"))
        .isEqualTo("3");
    assertThat(figure(page(principal("wes", Role.OPERATOR, ShopScope.only(only(shops.findByCode("WEST").orElseThrow())))), "stock-pushed"))
        .isEqualTo("1");
  }

  @Test
  void showsTheTmcMessagesReceivedSinceStartLabelledAsSuch() throws Exception {
    String page = page(principal(Role.OPERATOR));
    assertThat(figure(page, "tmc-messages")).isEqualTo(Long.toString(messages.stats().received()));
    assertThat(page).contains("启动以来的 TMC 消息（全部店铺）").contains("今日推送到天猫的库存数");
  }

  private String page(ConsolePrincipal as) throws Exception {
    var response = mvc.perform(get("/").with(user(as))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    response.setCharacterEncoding("UTF-8");
    return response.getContentAsString();
  }

  private static String figure(String page, String id) {
    String opening = "id=\"" + id + "\">";
    int start = page.indexOf(opening);
    assertThat(start).as(id).isPositive();
    return page.substring(start + opening.length(), page.indexOf('<', start));
  }
}
