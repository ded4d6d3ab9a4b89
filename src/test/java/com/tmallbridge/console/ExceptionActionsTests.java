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
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The exception queue's actions: ignore with a note, bulk retry and ignore, map-and-retry, the reason filter, roles and scopes. */
class ExceptionActionsTests extends ConsoleWebTestBase {
  @Autowired Clock clock;
  @Autowired Inbox inbox;
  @Autowired OrderManagement orders;
  @Autowired AuditManagement audit;
  @Autowired ProductManagement products;
  @Autowired ErpRegistry erp;

  private Shop east;
  private Shop west;
  private Instant now;
  private final ConsolePrincipal olga = principal("olga", Role.OPERATOR, ShopScope.everyShop());

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    now = clock.instant();
  }

  @Test
  void anOperatorIgnoresAnExceptionWithANoteAndTheRowAndAuditLogSayWhoAndWhen() throws Exception {
    long id = exception(east.id(), "5001", "AMEND-ADDRESS", now.minusSeconds(60));

    mvc.perform(post("/exceptions/{id}/ignore", id).param("note", "buyer cancelled by phone").with(csrf()).with(user(olga)))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/exceptions"));

    assertThat(orders.exception(id).orElseThrow().status()).isEqualTo("IGNORED");
    assertThat(jdbc.sql("select closed_by || '|' || close_note from order_exception where id = ?").param(id).query(String.class).single())
        .isEqualTo("olga|buyer cancelled by phone");
    assertThat(jdbc.sql("select resolved_at from order_exception where id = ?").param(id).query(java.time.OffsetDateTime.class).single())
        .isNotNull();
    AuditEntry entry = audit.entries(AuditAction.EXCEPTION_ACTION, null, "exception:" + id, null, null, 5).get(0);
    assertThat(entry.actor()).isEqualTo("olga");
    assertThat(entry.source()).isEqualTo("127.0.0.1");
    assertThat(entry.after()).isEqualTo("IGNORED: buyer cancelled by phone");
    assertThat(page("/exceptions", olga)).doesNotContain("AMEND-ADDRESS");
  }

  @Test
  void anIgnoreWithoutANoteIsRefusedAndChangesNothing() throws Exception {
    long id = exception(east.id(), "5002", "AMEND-ADDRESS", now.minusSeconds(60));

    var flash = mvc.perform(post("/exceptions/{id}/ignore", id).param("note", "  ").with(csrf()).with(user(olga)))
        .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();

    assertThat(flash.get("problem")).asString().contains("a note of 1 to 500 characters");
    assertThat(orders.exception(id).orElseThrow().status()).isEqualTo("OPEN");
    assertThat(audit.entries(AuditAction.EXCEPTION_ACTION, null, null, null, null, 5)).isEmpty();
  }

  @Test
  void bulkRetryAndBulkIgnoreActOnTheSelectedRowsOnly() throws Exception {
    long a = exception(east.id(), "5011", "AMEND-ADDRESS", now.minusSeconds(60));
    long b = exception(east.id(), "5012", "AMEND-MEMO", now.minusSeconds(50));
    long c = exception(east.id(), "5013", "AMEND-ADDRESS", now.minusSeconds(40));
    long d = exception(east.id(), "5014", "AMEND-ADDRESS", now.minusSeconds(30));

    var retried = mvc.perform(post("/exceptions/bulk").param("action", "retry").param("ids", Long.toString(a), Long.toString(b))
        .with(csrf()).with(user(olga))).andExpect(redirectedUrl("/exceptions")).andReturn().getFlashMap();
    mvc.perform(post("/exceptions/bulk").param("action", "ignore").param("note", "duplicates").param("ids", Long.toString(c))
        .with(csrf()).with(user(olga))).andExpect(redirectedUrl("/exceptions"));

    assertThat(List.of(a, b, c, d).stream().map(id -> orders.exception(id).orElseThrow().status()))
        .containsExactly("RESOLVED", "RESOLVED", "IGNORED", "OPEN");
    assertThat((List<?>) retried.get("outcomes")).hasSize(2);
    assertThat(audit.entries(AuditAction.EXCEPTION_ACTION, "olga", null, null, null, 10)).hasSize(3);
  }

  @Test
  void aBulkActionWithARowOfAnotherShopIsRefusedWhole() throws Exception {
    long mine = exception(west.id(), "5021", "AMEND-ADDRESS", now.minusSeconds(60));
    long theirs = exception(east.id(), "5022", "AMEND-ADDRESS", now.minusSeconds(60));
    ConsolePrincipal wes = principal("wes", Role.OPERATOR, ShopScope.only(only(west)));

    mvc.perform(post("/exceptions/bulk").param("action", "retry").param("ids", Long.toString(mine), Long.toString(theirs))
        .with(csrf()).with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(post("/exceptions/bulk").param("action", "retry").param("ids", Long.toString(mine))
        .with(csrf()).with(user(principal(Role.AUDITOR)))).andExpect(status().isForbidden());
    mvc.perform(post("/exceptions/{id}/ignore", mine).param("note", "x").with(csrf()).with(user(principal(Role.AUDITOR))))
        .andExpect(status().isForbidden());

    assertThat(orders.exception(mine).orElseThrow().status()).isEqualTo("OPEN");
    assertThat(orders.exception(theirs).orElseThrow().status()).isEqualTo("OPEN");
  }

  @Test
  void theQueueFiltersByReasonAndOffersMapAndRetryOnlyForUnmappedSkus() throws Exception {
    long unmapped = HeldTradeSeed.seed(jdbc, inbox, east.id(), "5031", now.minusSeconds(600));
    long amended = exception(east.id(), "5032", "AMEND-ADDRESS", now.minusSeconds(60));

    String filtered = page("/exceptions?reason=UNMAPPED_SKU", olga);
    assertThat(filtered).contains(">5031<").doesNotContain(">5032<").contains("/exceptions/" + unmapped + "/fix");
    assertThat(page("/exceptions", olga)).contains(">5032<").doesNotContain("/exceptions/" + amended + "/fix");
    mvc.perform(get("/exceptions/{id}/fix", amended).with(user(olga))).andExpect(status().isNotFound());
    assertThat(page("/exceptions", principal(Role.AUDITOR))).doesNotContain("/fix").doesNotContain("/ignore").doesNotContain("name=\"ids\"");
  }

  @Test
  void mapAndRetryStoresTheMappingAsTheOperatorAndQueuesTheTradeForTheErp() throws Exception {
    long id = HeldTradeSeed.seed(jdbc, inbox, east.id(), "5041", now.minusSeconds(600));
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(new MaterialCode("CUP-500"), "保温杯", "pcs", 6173));

    String form = page("/exceptions/" + id + "/fix", olga);
    assertThat(form).contains("name=\"numIid\" value=\"5551\"").contains("name=\"skuId\" value=\"7771\"").contains("保温杯 500ml");

    var flash = mvc.perform(post("/exceptions/{id}/fix", id).param("numIid", "5551").param("skuId", "7771").param("material", "CUP-500")
        .with(csrf()).with(user(olga))).andExpect(redirectedUrl("/exceptions")).andReturn().getFlashMap();

    assertThat(flash.get("outcomes").toString()).contains("5551/7771 → CUP-500").contains("passes now, ERP order queued");
    assertThat(products.mappings()).anySatisfy(m -> assertThat(m.toString()).contains("5551").contains("7771").contains("CUP-500"));
    assertThat(orders.exception(id).orElseThrow().status()).isEqualTo("RESOLVED");
    assertThat(orders.trade(east.id(), "5041").orElseThrow().state()).isIn(TradeState.QUEUED, TradeState.EXPORTED);
    assertThat(audit.entries(AuditAction.MAPPING_CHANGE, "olga", "mapping:EAST/5551/7771", null, null, 5)).hasSize(1);
    assertThat(audit.entries(AuditAction.EXCEPTION_ACTION, "olga", "exception:" + id, null, null, 5)).hasSize(1);
  }

  @Test
  void mapAndRetryWithoutAnyCodeIsRefusedWithALine() throws Exception {
    long id = HeldTradeSeed.seed(jdbc, inbox, east.id(), "5051", now.minusSeconds(600));

    var flash = mvc.perform(post("/exceptions/{id}/fix", id).param("numIid", "5551").param("skuId", "7771").param("material", " ")
        .with(csrf()).with(user(olga))).andExpect(redirectedUrl("/exceptions/" + id + "/fix")).andReturn().getFlashMap();

    assertThat(flash.get("problem")).asString().contains("enter an ERP material code");
    assertThat(products.mappings()).isEmpty();
    assertThat(orders.exception(id).orElseThrow().status()).isEqualTo("OPEN");
  }

  private String page(String url, ConsolePrincipal who) throws Exception {
    return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }
}
