package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The order page: both sides, the hold with its rule, lines with exact money, history, masking and shop scopes. */
class OrderDetailTests extends ConsoleWebTestBase {
  @Autowired Clock clock;
  @Autowired Inbox inbox;

  private Shop east;
  private Shop west;
  private Instant now;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    now = clock.instant();
  }

  @Test
  void aHeldOrderShowsTmallsSideTheBridgesStateTheReasonAndRuleAndTheUnmappedLineInExactMoney() throws Exception {
    long id = HeldTradeSeed.seed(jdbc, inbox, east.id(), "880001", now.minusSeconds(600));

    String page = page("/orders/" + east.id().value() + "/880001?lang=en", principal(Role.AUDITOR));

    assertThat(page).contains("Order 880001").contains("id=\"tmall-status\">WAIT_SELLER_SEND_GOODS<");
    assertThat(page).contains(">EXCEPTION<").contains("UNMAPPED_SKU").contains("id=\"held-rule\">a line&#39;s SKU maps to no ERP material");
    assertThat(page).contains("¥133.46").contains("¥10.00").contains("¥61.73").contains("¥123.46");
    assertThat(page).contains("class=\"tmall-line unmapped\"").contains("5551").contains(" / 7771");
    assertThat(page).contains("id=\"erp-none\"").contains("href=\"/exceptions?reason=UNMAPPED_SKU\"");
    assertThat(page).contains("Received from Tmall").contains("Paid on Tmall").contains("Held");
    assertThat(page).doesNotContain("/exceptions/" + id + "/retry");
  }

  @Test
  void receiverDataIsShownMaskedOnlyWithAPlaceForTheRevealButton() throws Exception {
    HeldTradeSeed.seed(jdbc, inbox, east.id(), "880002", now.minusSeconds(600));

    String page = page("/orders/" + east.id().value() + "/880002", principal(Role.ADMIN));

    assertThat(page).doesNotContain(HeldTradeSeed.RECEIVER_NAME).doesNotContain(HeldTradeSeed.RECEIVER_MOBILE)
        .doesNotContain(HeldTradeSeed.RECEIVER_ADDRESS).doesNotContain("tb_buyer88");
    assertThat(page).contains(">张**<").contains(">****5678<").contains("湖南省 长沙市 岳麓区").contains("麓山南路93…");
    assertThat(page).contains("class=\"reveal-slot\" data-field=\"receiverName\"").contains("个人信息已脱敏");
  }

  @Test
  void anExportedOrderShowsItsErpLinesWithTheirTotalAndTheExportInItsHistory() throws Exception {
    Instant seen = now.minusSeconds(300);
    trade(east.id(), "880003", "EXPORTED", seen, now.minusSeconds(200), null);
    jdbc.sql("""
        insert into order_line (shop_id, tid, line_no, oid, num_iid, sku_id, material_code, title, quantity, price_fen, amount_fen)
        values (?, '880003', 1, '8800031', '5551', '7771', 'CUP-500', 'cup', 2, 6173, 8230),
               (?, '880003', 2, '8800032', '5552', '', 'LID-1', 'lid', 1, 4116, 4115)""")
        .params(east.id().value(), east.id().value()).update();

    String page = page("/orders/" + east.id().value() + "/880003?lang=en", principal(Role.OPERATOR));

    assertThat(page).contains("CUP-500").contains("LID-1").contains("¥82.30").contains("¥41.15");
    assertThat(page).contains("id=\"erp-lines-total\">¥123.45<");
    assertThat(page).contains("Sales order created in the ERP").contains("SO-880003");
    assertThat(page).contains("No Tmall snapshot is stored");
    assertThat(page).doesNotContain("id=\"held\"");
  }

  @Test
  void anOrderOfAnotherShopOrAnUnknownOneAnswersNotFoundAndTheListsLinkToThePage() throws Exception {
    HeldTradeSeed.seed(jdbc, inbox, east.id(), "880004", now.minusSeconds(600));
    ConsolePrincipal westOnly = principal("wes", Role.OPERATOR, ShopScope.only(only(west)));

    mvc.perform(get("/orders/{shop}/{tid}", east.id().value(), "880004").with(user(westOnly))).andExpect(status().isNotFound());
    mvc.perform(get("/orders/{shop}/{tid}", east.id().value(), "999999").with(user(principal(Role.ADMIN))))
        .andExpect(status().isNotFound());

    String link = "href=\"/orders/" + east.id().value() + "/880004\"";
    assertThat(page("/orders", principal(Role.AUDITOR))).contains(link);
    assertThat(page("/", principal(Role.AUDITOR))).contains(link);
    assertThat(page("/exceptions", principal(Role.AUDITOR))).contains(link);
    assertThat(page("/", westOnly)).doesNotContain(link);
  }

  @Test
  void theHistoryListsAnIgnoredExceptionWithWhoAndTheirNote() throws Exception {
    long id = HeldTradeSeed.seed(jdbc, inbox, east.id(), "880005", now.minusSeconds(600));
    jdbc.sql("update order_exception set status = 'IGNORED', resolved_at = ?, closed_by = 'olga', close_note = 'test order' where id = ?")
        .params(now.atOffset(ZoneOffset.UTC), id).update();

    String page = page("/orders/" + east.id().value() + "/880005?lang=en", principal(Role.ADMIN));

    assertThat(page).contains("Exception ignored").contains("UNMAPPED_SKU · olga: test order").doesNotContain("id=\"held\"");
  }

  private String page(String url, ConsolePrincipal who) throws Exception {
    return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }
}
