package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.stock.StockRule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The stock screen on seeded listings: figures, rule, drift, push result, filters, htmx search, shop scopes. */
class StockScreenTests extends ConsoleWebTestBase {
  @Autowired ErpRegistry erp;
  @Autowired StockManagement stock;

  private Shop east;
  private Shop west;
  private Instant pushedAt;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    Console3Seeds seeds = new Console3Seeds(jdbc, erp);
    seeds.material("MUG", 10);
    seeds.material("CUP", 9);
    seeds.material("SAUCER", 10);
    pushedAt = Instant.parse("2026-12-05T02:03:04Z");
    seeds.publication(east.id(), "5001", "71", "MUG", 10, 12L, pushedAt, null);
    seeds.publication(east.id(), "5001", "72", "CUP*2+SAUCER", 4, 4L, pushedAt, null);
    seeds.publication(east.id(), "6001", "", "SAUCER", 5, null, null, "item is delisted");
    seeds.publication(west.id(), "9001", "91", "MUG", 10, 10L, pushedAt, null);
    stock.putRule(new StockRule(east.id(), "5001", "", null, 50, null, null, 22L, null, null));
  }

  @Test
  void showsSellableNowPublishedDriftTheRuleAndThePushResultPerListing() throws Exception {
    String page = html(get("/stock").param("lang", "en"), principal(Role.AUDITOR));

    assertThat(page).contains("<h1>Stock</h1>");
    String mug = row(page, "71");
    // sellable 10 now, 12 published: Tmall shows 2 more than there is (red)
    assertThat(mug).contains("<td>EAST</td><td>5001</td><td>71</td><td>MUG</td><td class=\"num\">10</td><td class=\"num\">10</td>"
        + "<td class=\"num\">12</td>").contains("class=\"num tag-red\">-2<")
        .contains("item rule: percent 50, max 22")
        .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai")).format(pushedAt))
        .contains("tag tag-green");
    // a combo: min(9/2, 10/1) = 4 sellable
    assertThat(row(page, "72")).contains("<td>CUP*2+SAUCER</td><td class=\"num\">4</td>").contains("class=\"num tag-green\">0<");
    assertThat(row(page, "6001")).contains("default: all").contains("item is delisted").contains("<td class=\"num\">-</td>");
    assertThat(page).contains("<td>WEST</td><td>9001</td>");
    assertThat(page).as("an auditor gets no push button").doesNotContain("start-push");
    assertThat(html(get("/stock"), principal(Role.OPERATOR))).contains("全量推送库存").contains("id=\"start-push\"").contains("可售（ERP）");
  }

  @Test
  void filtersByShopAndSkuPrefixAndAnswersHtmxWithTheListOnly() throws Exception {
    String fragment = html(get("/stock").param("shop", "EAST").param("q", "50").header("HX-Request", "true"), principal(Role.ADMIN));

    assertThat(fragment).startsWith("<div id=\"results\">").doesNotContain("<nav").contains(">71<").contains(">72<")
        .doesNotContain("6001").doesNotContain("9001");
    assertThat(html(get("/stock").param("q", "5001/72"), principal(Role.ADMIN))).contains(">72<").doesNotContain(">71<");
    assertThat(html(get("/stock").param("q", "nothing"), principal(Role.ADMIN))).contains("id=\"results\"").doesNotContain("class=\"listing\"");
  }

  @Test
  void aUserLimitedToOneShopSeesOnlyItsListingsAndAnotherShopAnswersNotFound() throws Exception {
    var wes = principal("wes", Role.OPERATOR, ShopScope.only(only(west)));

    String page = html(get("/stock"), wes);

    assertThat(page).contains("9001").doesNotContain("5001").doesNotContain("6001").doesNotContain(">EAST<");
    mvc.perform(get("/stock").param("shop", "EAST").with(user(wes))).andExpect(status().isNotFound());
  }

  private String html(MockHttpServletRequestBuilder request, ConsolePrincipal as) throws Exception {
    var response = mvc.perform(request.with(user(as))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    response.setCharacterEncoding("UTF-8");
    return response.getContentAsString().replaceAll(">\\s+<", "><");
  }

  /** The table row of the listing whose SKU (or item) cell is {@code key}. */
  private static String row(String page, String key) {
    int cell = page.indexOf("<td>" + key + "</td>");
    assertThat(cell).as("row %s", key).isPositive();
    int start = page.lastIndexOf("<tr", cell);
    return page.substring(start, page.indexOf("</tr>", cell));
  }
}
