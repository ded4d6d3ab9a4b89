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
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Settings: shops with masked secrets and the connection test, the ERP test, the rules, roles and scopes. */
class SettingsTests extends ConsoleWebTestBase {
  private static final String SECRET = "app-secret-never-shown-7Q";
  private static final String SESSION = "session-key-never-shown-9Z";

  @Autowired AuditManagement audit;

  private final ConsolePrincipal ada = principal("ada", Role.ADMIN, ShopScope.everyShop());

  @Test
  void anAdminAddsAShopWhoseSecretsNeverComeBackAndTheAuditLogHasThemAsStars() throws Exception {
    mvc.perform(addShop("TM09", SECRET, SESSION).with(user(ada))).andExpect(redirectedUrl("/settings/shops"));

    Shop saved = shops.findByCode("TM09").orElseThrow();
    assertThat(saved.credentials().appSecret()).isEqualTo(SECRET);
    for (String url : List.of("/settings/shops", "/settings/shops/" + saved.id().value(), "/audit", "/users", "/settings/erp")) {
      assertThat(page(url, ada)).as(url).doesNotContain(SECRET).doesNotContain(SESSION);
    }
    assertThat(page("/settings/shops", ada)).contains(">TM09<").contains("****");
    AuditEntry entry = audit.entries(AuditAction.SHOP_CHANGE, "ada", "shop:TM09", null, null, 5).get(0);
    assertThat(entry.after()).contains("appSecret=****").doesNotContain(SECRET).doesNotContain(SESSION);
    assertThat(entry.source()).isEqualTo("127.0.0.1");
  }

  @Test
  void anEditWithEmptySecretsKeepsThemAndRecordsBeforeAndAfter() throws Exception {
    mvc.perform(addShop("TM09", SECRET, SESSION).with(user(ada)));
    Shop saved = shops.findByCode("TM09").orElseThrow();

    mvc.perform(post("/settings/shops").param("id", Long.toString(saved.id().value())).param("code", "ignored").param("name", "新名字")
        .param("gatewayUrl", "https://eco.taobao.com/router/rest").param("appKey", "k2").param("appSecret", "").param("sessionKey", "")
        .param("signMethod", "hmac").with(csrf()).with(user(ada))).andExpect(redirectedUrl("/settings/shops"));

    Shop after = shops.findByCode("TM09").orElseThrow();
    assertThat(after.name()).isEqualTo("新名字");
    assertThat(after.credentials().appKey()).isEqualTo("k2");
    assertThat(after.credentials().appSecret()).isEqualTo(SECRET);
    assertThat(after.credentials().sessionKey()).isEqualTo(SESSION);
    AuditEntry entry = audit.entries(AuditAction.SHOP_CHANGE, "ada", "shop:TM09", null, null, 5).get(0);
    assertThat(entry.before()).contains("name=店铺");
    assertThat(entry.after()).contains("name=新名字").contains("appSecret=**** (unchanged)").contains("signMethod=hmac");
  }

  @Test
  void aShopWithoutSecretsIsRefusedWithOneLine() throws Exception {
    var flash = mvc.perform(addShop("TM10", "", SESSION).with(user(ada))).andExpect(redirectedUrl("/settings/shops/new"))
        .andReturn().getFlashMap();

    assertThat(flash.get("problem")).asString().isEqualTo("the app secret must not be empty");
    assertThat(shops.findByCode("TM10")).isEmpty();
  }

  @Test
  void theConnectionTestCallsTheShopsApiAndShowsWhatItAnswered() throws Exception {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(3))) {
      var c = sandbox.credentials();
      mvc.perform(post("/settings/shops").param("code", "TM11").param("name", "沙箱").param("gatewayUrl", sandbox.url())
          .param("appKey", c.appKey()).param("appSecret", c.appSecret()).param("sessionKey", c.sessionKey()).param("signMethod", "md5")
          .with(csrf()).with(user(ada)));
      Shop good = shops.findByCode("TM11").orElseThrow();
      Shop bad = shop("DOWN");

      var ok = mvc.perform(post("/settings/shops/{id}/test", good.id().value()).with(csrf()).with(user(ada))).andReturn().getFlashMap();
      var failed = mvc.perform(post("/settings/shops/{id}/test", bad.id().value()).with(csrf()).with(user(ada))).andReturn().getFlashMap();

      assertThat(ok.get("outcome")).asString().startsWith("TM11: OK (");
      assertThat(failed.get("problem")).asString().startsWith("DOWN: FAILED (");
    }
  }

  @Test
  void theErpTestRunsTheActiveConnectorsCheckAndTheRulesPageListsTheHoldReasons() throws Exception {
    var flash = mvc.perform(post("/settings/erp/test").with(csrf()).with(user(ada))).andExpect(redirectedUrl("/settings/erp"))
        .andReturn().getFlashMap();

    assertThat(flash.get("outcome")).asString().startsWith("embedded: OK");
    assertThat(page("/settings/erp", ada)).contains("id=\"erp-active\">embedded<").contains("SalesOrderQuery");
    assertThat(page("/settings/rules", ada)).contains("UNMAPPED_SKU").contains("ERP_REJECTED").contains("bridge.order.window");
  }

  @Test
  void operatorsAndAuditorsAreRefusedEverySettingsPageAndAction() throws Exception {
    Shop east = shop("EAST");
    for (Role role : List.of(Role.OPERATOR, Role.AUDITOR)) {
      ConsolePrincipal who = principal(role);
      for (String url : List.of("/settings", "/settings/shops", "/settings/shops/new", "/settings/shops/" + east.id().value(),
          "/settings/erp", "/settings/rules", "/users")) {
        mvc.perform(get(url).with(user(who))).andExpect(status().isForbidden());
      }
      mvc.perform(addShop("TM12", SECRET, SESSION).with(user(who))).andExpect(status().isForbidden());
      mvc.perform(post("/settings/shops/{id}/test", east.id().value()).with(csrf()).with(user(who))).andExpect(status().isForbidden());
      mvc.perform(post("/settings/erp/test").with(csrf()).with(user(who))).andExpect(status().isForbidden());
      assertThat(page("/", who)).doesNotContain("href=\"/settings/shops\"");
    }
    assertThat(shops.findByCode("TM12")).isEmpty();
    assertThat(page("/", ada)).contains("href=\"/settings/shops\"");
  }

  @Test
  void anAdminLimitedToOneShopSeesAndEditsOnlyThatShopAndCannotAddShops() throws Exception {
    Shop east = shop("EAST");
    Shop west = shop("WEST");
    ConsolePrincipal wes = principal("wes", Role.ADMIN, ShopScope.only(only(west)));

    assertThat(page("/settings/shops", wes)).contains(">WEST<").doesNotContain(">EAST<").doesNotContain("/settings/shops/new");
    mvc.perform(get("/settings/shops/{id}", east.id().value()).with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(post("/settings/shops/{id}/test", east.id().value()).with(csrf()).with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(addShop("TM13", SECRET, SESSION).with(user(wes))).andExpect(status().isForbidden());
    assertThat(shops.findByCode("TM13")).isEmpty();
  }

  private MockHttpServletRequestBuilder addShop(String code, String secret, String session) {
    return post("/settings/shops").param("code", code).param("name", "店铺 " + code).param("gatewayUrl", "http://127.0.0.1:9/router/rest")
        .param("appKey", "key-" + code).param("appSecret", secret).param("sessionKey", session).param("signMethod", "md5").with(csrf());
  }

  private String page(String url, ConsolePrincipal who) throws Exception {
    return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }
}
