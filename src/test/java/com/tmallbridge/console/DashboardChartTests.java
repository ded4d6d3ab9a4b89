package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.shop.Shop;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The dashboard chart's JSON ({@code GET /dashboard/hourly}): trades received and exported per hour
 * of today in China Standard Time, counted from the rows the test inserts, within the user's shops;
 * rows of yesterday and tomorrow are not counted. The dashboard page loads ECharts from the webjar.
 */
class DashboardChartTests extends ConsoleWebTestBase {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private Shop east;
  private Shop west;
  private Instant dayStart;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    dayStart = LocalDate.ofInstant(appClock.instant(), SHANGHAI).atStartOfDay(SHANGHAI).toInstant();
    trade(east.id(), "1001", "EXPORTED", at(1, 5), at(1, 40), null);
    trade(east.id(), "1002", "EXPORTED", at(1, 59), at(2, 1), null);
    trade(east.id(), "1003", "EXCEPTION", at(13, 0), null, "UNMAPPED_SKU");
    trade(west.id(), "2001", "EXPORTED", at(1, 30), at(23, 59), null);
    trade(east.id(), "0999", "EXPORTED", dayStart.minusSeconds(1), dayStart.minusSeconds(1), null);
    trade(east.id(), "3001", "NEW", dayStart.plus(Duration.ofDays(1)), null, null);
  }

  @Test
  void countsEachHourOfTodayFromTheRows() throws Exception {
    mvc.perform(get("/dashboard/hourly").with(user(principal(Role.AUDITOR))))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
        .andExpect(jsonPath("$.day").value(LocalDate.ofInstant(dayStart, SHANGHAI).toString()))
        .andExpect(jsonPath("$.hours.length()").value(24))
        .andExpect(jsonPath("$.hours[0]").value("00"))
        .andExpect(jsonPath("$.received").value(hours(1, 3, 13, 1)))
        .andExpect(jsonPath("$.exported").value(hours(1, 1, 2, 1, 23, 1)));
  }

  @Test
  void aUserLimitedToOneShopCountsOnlyItsRows() throws Exception {
    mvc.perform(get("/dashboard/hourly").with(user(principal("ed", Role.OPERATOR, ShopScope.only(only(east))))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.received").value(hours(1, 2, 13, 1)))
        .andExpect(jsonPath("$.exported").value(hours(1, 1, 2, 1)));
    mvc.perform(get("/dashboard/hourly").with(user(principal("wes", Role.OPERATOR, ShopScope.only(only(west))))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.received").value(hours(1, 1)))
        .andExpect(jsonPath("$.exported").value(hours(23, 1)));
  }

  @Test
  void anAnonymousVisitorIsSentToTheLoginAndTheDashboardLoadsTheChart() throws Exception {
    mvc.perform(get("/dashboard/hourly")).andExpect(status().isFound());
    String page = mvc.perform(get("/").with(user(principal(Role.OPERATOR)))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("id=\"hourly-chart\"").contains("data-url=\"/dashboard/hourly\"").containsPattern("src=\"/webjars/echarts/[0-9.]+/dist/echarts.min.js\"");
    mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
  }

  private Instant at(int hour, int minute) {
    return dayStart.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
  }

  /** 24 hourly counts, zero but for the (hour, count) pairs given. */
  private static List<Integer> hours(int... hourAndCount) {
    List<Integer> counts = new ArrayList<>(Collections.nCopies(24, 0));
    for (int i = 0; i < hourAndCount.length; i += 2) {
      counts.set(hourAndCount[i], hourAndCount[i + 1]);
    }
    return counts;
  }
}
