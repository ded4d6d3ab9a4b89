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
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.PromotionLock;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.stock.StockRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.util.HtmlUtils;

/**
 * The publish rules and promotion locks screen ({@code /stock/rules}) on seeded listings: listing,
 * adding, changing and removing a rule and a lock with the audit entry before/after, the auditor's
 * read-only view, another shop's 404, and bad input refused with one line and nothing changed.
 */
class StockRulesScreenTests extends ConsoleWebTestBase {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired ErpRegistry erp;
  @Autowired StockManagement stock;
  @Autowired AuditManagement audit;

  private Shop east;
  private Shop west;
  private ConsolePrincipal olga;
  private ConsolePrincipal wes;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    Console3Seeds seeds = new Console3Seeds(jdbc, erp);
    seeds.material("MUG", 10);
    seeds.publication(east.id(), "5001", "71", "MUG", 10, 10L, Instant.parse("2026-12-05T02:03:04Z"), null);
    seeds.publication(west.id(), "9001", "91", "MUG", 10, 10L, Instant.parse("2026-12-05T02:03:04Z"), null);
    stock.putRule(new StockRule(west.id(), "9001", "", null, 30, null, null, null, null, null));
    olga = principal("olga", Role.OPERATOR, ShopScope.everyShop());
    wes = principal("wes", Role.OPERATOR, ShopScope.only(only(west)));
  }

  @Test
  void anOperatorAddsChangesAndRemovesARuleAndEachChangeIsAuditedWithBeforeAndAfter() throws Exception {
    change(rule("EAST", "5001", "", "50", "22"), olga);
    assertThat(stock.rules()).contains(new StockRule(east.id(), "5001", "", null, 50, null, null, 22L, null, null));
    AuditEntry added = audit.entries(AuditAction.RULE_CHANGE, null, "stock-rule:EAST/5001", null, null, 5).get(0);
    assertThat(added.actor()).isEqualTo("olga");
    assertThat(added.before()).isNull();
    assertThat(added.after()).isEqualTo("percent 50, max 22");

    String page = html(get("/stock/rules").param("shop", "EAST").param("lang", "en"), olga);
    assertThat(page).contains("<td>EAST</td><td>5001</td><td>-</td><td>-</td><td class=\"num\">50</td>").contains("id=\"rule-editor\"")
        .doesNotContain("<td>WEST</td>");
    String editor = html(get("/stock/rules").param("shop", "EAST").param("numIid", "5001"), olga);
    assertThat(editor).as("the chosen rule fills the editor").contains("name=\"percent\" class=\"short\" value=\"50\"");

    change(rule("EAST", "5001", "", "60", "").param("warehouses", "WH01, WH02"), olga);
    assertThat(stock.rules()).contains(new StockRule(east.id(), "5001", "", List.of("WH01", "WH02"), 60, null, null, null, null, null));
    AuditEntry changed = audit.entries(AuditAction.RULE_CHANGE, null, "stock-rule:EAST/5001", null, null, 5).get(0);
    assertThat(changed.before()).isEqualTo("percent 50, max 22");
    assertThat(changed.after()).isEqualTo("percent 60, warehouses WH01,WH02");
    assertThat(html(get("/stock").param("lang", "en"), olga)).as("the stock screen shows the rule that now applies")
        .contains("item rule: percent 60, warehouses WH01,WH02");

    change(post("/stock/rules/delete").param("shop", "EAST").param("numIid", "5001").param("skuId", ""), olga);
    assertThat(stock.rules()).noneMatch(r -> r.shop().equals(east.id()));
    AuditEntry removed = audit.entries(AuditAction.RULE_CHANGE, null, "stock-rule:EAST/5001", null, null, 5).get(0);
    assertThat(removed.before()).isEqualTo("percent 60, warehouses WH01,WH02");
    assertThat(removed.after()).isNull();
  }

  @Test
  void anOperatorAddsAndRemovesAPromotionLockAndBothAreAudited() throws Exception {
    LocalDateTime start = LocalDateTime.ofInstant(appClock.instant(), SHANGHAI).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
    change(post("/stock/locks").param("shop", "EAST").param("material", "MUG").param("quantity", "3").param("from", start.toString())
        .param("to", start.plusDays(1).toString()).param("note", "11.11"), olga);

    List<PromotionLock> locks = stock.locks(true);
    assertThat(locks).hasSize(1);
    PromotionLock lock = locks.get(0);
    assertThat(lock.shop()).isEqualTo(east.id());
    assertThat(lock.material()).isEqualTo(new MaterialCode("MUG"));
    assertThat(lock.quantity()).isEqualTo(3);
    assertThat(lock.from()).isEqualTo(start.atZone(SHANGHAI).toInstant());
    assertThat(Duration.between(lock.from(), lock.to())).isEqualTo(Duration.ofDays(1));
    AuditEntry added = audit.entries(AuditAction.RULE_CHANGE, null, "stock-lock:" + lock.id(), null, null, 5).get(0);
    assertThat(added.actor()).isEqualTo("olga");
    assertThat(added.before()).isNull();
    assertThat(added.after()).startsWith("material MUG, quantity 3, ").endsWith(", note 11.11");

    String page = html(get("/stock/rules").param("lang", "en"), principal(Role.AUDITOR));
    assertThat(page).contains("<td>" + lock.id() + "</td><td>EAST</td><td>MUG</td><td class=\"num\">3</td>")
        .contains(start.toString().replace('T', ' '));

    change(post("/stock/locks/{id}/delete", lock.id()), olga);
    assertThat(stock.locks(true)).isEmpty();
    AuditEntry removed = audit.entries(AuditAction.RULE_CHANGE, null, "stock-lock:" + lock.id(), null, null, 5).get(0);
    assertThat(removed.before()).isEqualTo(added.after());
    assertThat(removed.after()).isNull();
  }

  @Test
  void theAuditorReadsButMayNotChange() throws Exception {
    String page = html(get("/stock/rules").param("lang", "en"), principal(Role.AUDITOR));
    assertThat(page).contains("<td>WEST</td><td>9001</td>").doesNotContain("rule-editor").doesNotContain("lock-editor")
        .doesNotContain("/stock/rules/delete");

    mvc.perform(rule("EAST", "5001", "", "50", "").with(csrf()).with(user(principal(Role.AUDITOR)))).andExpect(status().isForbidden());
    mvc.perform(post("/stock/rules/delete").param("shop", "WEST").param("numIid", "9001").with(csrf()).with(user(principal(Role.AUDITOR))))
        .andExpect(status().isForbidden());
    assertThat(stock.rules()).hasSize(1);
    assertThat(audit.entries(AuditAction.RULE_CHANGE, "auditor", null, null, null, 5)).isEmpty();
  }

  @Test
  void anotherShopAnswersNotFoundAndIsNotShown() throws Exception {
    PromotionLock eastLock = stock.addLock(new PromotionLock(0, east.id(), new MaterialCode("MUG"), null, null, 2,
        appClock.instant().plus(Duration.ofDays(1)), appClock.instant().plus(Duration.ofDays(2)), null));
    stock.putRule(new StockRule(east.id(), "", "", null, 80, null, null, null, null, null));

    String page = html(get("/stock/rules"), wes);
    assertThat(page).contains("<td>WEST</td>").doesNotContain("<td>EAST</td>").doesNotContain(">" + eastLock.id() + "</td><td>EAST");
    mvc.perform(get("/stock/rules").param("shop", "EAST").with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(rule("EAST", "5001", "", "10", "").with(csrf()).with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(post("/stock/rules/delete").param("shop", "EAST").with(csrf()).with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(post("/stock/locks/{id}/delete", eastLock.id()).with(csrf()).with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(post("/stock/locks").param("shop", "EAST").param("material", "MUG").param("quantity", "1")
        .param("from", "2030-01-01T00:00").param("to", "2030-01-02T00:00").with(csrf()).with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(rule("NOSUCH", "", "", "10", "").with(csrf()).with(user(olga))).andExpect(status().isNotFound());

    assertThat(stock.rules()).extracting(StockRule::percent).containsExactlyInAnyOrder(30, 80);
    assertThat(stock.locks(true)).extracting(PromotionLock::id).containsExactly(eastLock.id());
  }

  @Test
  void badInputComesBackAsOneLineAboveTheFormAndChangesNothing() throws Exception {
    List<StockRule> rulesBefore = stock.rules();
    long auditBefore = audit.entries(AuditAction.RULE_CHANGE, null, null, null, null, 100).size();
    LocalDateTime start = LocalDateTime.ofInstant(appClock.instant(), SHANGHAI).plusDays(7).truncatedTo(ChronoUnit.MINUTES);

    assertRefused(rule("WEST", "9001", "", "150", ""), "percent must be between 0 and 100, got 150");
    assertRefused(rule("WEST", "9001", "", "abc", ""), "percent must be a whole number, got 'abc'");
    assertRefused(rule("WEST", "9001", "", "", "").param("min", "-1"), "min must not be negative, got -1");
    assertRefused(post("/stock/locks").param("shop", "WEST").param("material", "MUG").param("quantity", "-5")
        .param("from", start.toString()).param("to", start.plusDays(1).toString()), "lock quantity must be positive, got -5");
    assertRefused(post("/stock/locks").param("shop", "WEST").param("material", "MUG").param("quantity", "5")
        .param("from", start.toString()).param("to", start.minusHours(1).toString()), "lock start ");
    assertRefused(post("/stock/locks").param("shop", "WEST").param("material", "MUG").param("quantity", "5")
        .param("from", "tomorrow").param("to", start.toString()), "the lock's start must be a date and time like 2026-12-12T00:00, got 'tomorrow'");

    assertThat(stock.rules()).isEqualTo(rulesBefore);
    assertThat(stock.locks(true)).isEmpty();
    assertThat(audit.entries(AuditAction.RULE_CHANGE, null, null, null, null, 100)).hasSize((int) auditBefore);
  }

  @Test
  void changesMadeOutsideTheConsoleAreAuditedToo() {
    stock.putRule(new StockRule(east.id(), "", "", null, 90, null, null, null, null, null));
    stock.putRule(new StockRule(east.id(), "", "", null, 90, null, null, null, null, null));
    assertThat(stock.removeRule(east.id(), null, null)).isTrue();

    List<AuditEntry> entries = audit.entries(AuditAction.RULE_CHANGE, null, "stock-rule:EAST", null, null, 10);
    assertThat(entries).as("the same rule saved twice is one change").hasSize(2);
    assertThat(entries.get(1).after()).isEqualTo("percent 90");
    assertThat(entries.get(0).before()).isEqualTo("percent 90");
    assertThat(entries.get(0).after()).isNull();
    assertThat(stock.removeRule(east.id(), null, null)).isFalse();
    assertThat(audit.entries(AuditAction.RULE_CHANGE, null, "stock-rule:EAST", null, null, 10)).hasSize(2);

    stock.putSafety(new MaterialCode("MUG"), 4);
    stock.putSafety(new MaterialCode("MUG"), 0);
    List<AuditEntry> safety = audit.entries(AuditAction.RULE_CHANGE, null, "stock-safety:MUG", null, null, 10);
    assertThat(safety).extracting(AuditEntry::before).containsExactly("4", null);
    assertThat(safety).extracting(AuditEntry::after).containsExactly(null, "4");
  }

  private static MockHttpServletRequestBuilder rule(String shop, String numIid, String skuId, String percent, String max) {
    return post("/stock/rules").param("shop", shop).param("numIid", numIid).param("skuId", skuId).param("percent", percent).param("max", max);
  }

  /** Posts as {@code as} and expects the redirect back to the rules screen with an outcome, not a refusal. */
  private void change(MockHttpServletRequestBuilder request, ConsolePrincipal as) throws Exception {
    FlashMap flash = mvc.perform(request.with(csrf()).with(user(as))).andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
    assertThat(flash.get("refused")).as("refused").isNull();
    assertThat(flash.get("outcome")).isNotNull();
  }

  private void assertRefused(MockHttpServletRequestBuilder request, String line) throws Exception {
    FlashMap flash = mvc.perform(request.with(csrf()).with(user(olga))).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/stock/rules?shop=WEST")).andReturn().getFlashMap();
    assertThat((String) flash.get("refused")).startsWith(line);
    assertThat(flash.get("outcome")).isNull();
    String page = html(get("/stock/rules").param("shop", "WEST").flashAttrs(flash), olga);
    String opening = "<p class=\"error\" id=\"refused\">";
    int refused = page.indexOf(opening);
    assertThat(refused).isPositive().isLessThan(page.indexOf("id=\"rule-editor\""));
    assertThat(page.substring(refused + opening.length(), page.indexOf("</p>", refused))).startsWith(HtmlUtils.htmlEscape(line)).doesNotContain("\n");
    assertThat(page.indexOf("class=\"error\"", refused + opening.length())).as("one line").isNegative();
  }

  private String html(MockHttpServletRequestBuilder request, ConsolePrincipal as) throws Exception {
    var response = mvc.perform(request.with(user(as))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    response.setCharacterEncoding("UTF-8");
    return response.getContentAsString().replaceAll(">\\s+<", "><");
  }
}
