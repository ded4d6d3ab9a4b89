package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.product.SkuMapping;
import com.tmallbridge.shop.Shop;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The products screen: mismatch report, mappings by hand and carriers, the editor's audit with before and after, roles and scopes. */
class MappingEditorTests extends ConsoleWebTestBase {
  @Autowired ErpRegistry erp;
  @Autowired ProductManagement products;
  @Autowired AuditManagement audit;

  private Shop east;
  private Shop west;
  private ConsolePrincipal olga;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    Console3Seeds seeds = new Console3Seeds(jdbc, erp);
    seeds.material("MUG", 5);
    seeds.material("CUP", 5);
    products.putMapping(west.id(), "9001", "91", "MUG");
    olga = principal("olga", Role.OPERATOR, ShopScope.everyShop());
  }

  @Test
  void anOperatorAddsChangesAndDeletesAMappingEachAuditedAsThemWithBeforeAndAfter() throws Exception {
    mvc.perform(post("/products/mappings").param("shop", "EAST").param("numIid", "5001").param("skuId", "71").param("code", "MUG")
            .with(csrf()).with(user(olga)))
        .andExpect(redirectedUrl("/products?shop=EAST")).andExpect(flash().attribute("outcome", "mapping EAST/5001/71 → MUG"));
    assertThat(mapping("5001", "71")).isEqualTo("MUG");

    mvc.perform(post("/products/mappings").param("shop", "EAST").param("numIid", "5001").param("skuId", "71").param("code", "CUP")
        .with(csrf()).with(user(olga))).andExpect(status().is3xxRedirection());
    assertThat(mapping("5001", "71")).isEqualTo("CUP");

    mvc.perform(post("/products/mappings/delete").param("shop", "EAST").param("numIid", "5001").param("skuId", "71")
            .with(csrf()).with(user(olga)))
        .andExpect(flash().attribute("outcome", "mapping EAST/5001/71 deleted"));
    assertThat(mapping("5001", "71")).isNull();

    var entries = audit.entries(AuditAction.MAPPING_CHANGE, "olga", "mapping:EAST/5001/71", null, null, 10);
    assertThat(entries).extracting(AuditEntry::before).containsExactly("CUP", "MUG", null);
    assertThat(entries).extracting(AuditEntry::after).containsExactly(null, "CUP", "MUG");
    assertThat(entries).extracting(AuditEntry::source).containsOnly("127.0.0.1");
  }

  @Test
  void theScreenListsMappingsCombosCarriersAndTheMismatchReportOfTheShop() throws Exception {
    products.putMapping(east.id(), "5001", "72", "CUP");
    jdbc.sql("insert into fulfilment_company (shop_id, code, name, fetched_at) values (:s, 'SF', '顺丰速运', :now)")
        .param("s", east.id().value()).param("now", Instant.now().atOffset(ZoneOffset.UTC)).update();

    mvc.perform(post("/products/carriers").param("shop", "EAST").param("erpCarrier", "顺丰").param("companyCode", "SF")
        .with(csrf()).with(user(olga))).andExpect(flash().attribute("outcome", "carrier EAST/顺丰 → SF"));
    String page = html("/products?shop=EAST&lang=en", olga);

    assertThat(page).contains("<h2>Mismatch report EAST</h2>").contains("no listings stored for shop EAST");
    assertThat(page).contains("<td>5001</td><td>72</td><td>CUP</td>").doesNotContain("9001");
    assertThat(page).contains("<td>顺丰</td><td>SF 顺丰速运</td><td>OPERATOR</td>");
    assertThat(page).contains("id=\"mapping-editor\"");
    assertThat(audit.entries(AuditAction.MAPPING_CHANGE, "olga", "carrier:EAST/顺丰", null, null, 5))
        .singleElement().satisfies(e -> assertThat(e.after()).isEqualTo("SF"));
    assertThat(html("/products", olga)).contains("9001").contains("5001").contains("手工 SKU 映射");
  }

  @Test
  void anAuditorReadsButMayNotChangeAndAUserOfAnotherShopGetsNotFound() throws Exception {
    String page = html("/products", principal(Role.AUDITOR));
    assertThat(page).contains("9001").doesNotContain("mapping-editor").doesNotContain("/products/mappings/delete");

    mvc.perform(post("/products/mappings").param("shop", "WEST").param("numIid", "9001").param("skuId", "91").param("code", "CUP")
        .with(csrf()).with(user(principal(Role.AUDITOR)))).andExpect(status().isForbidden());
    mvc.perform(post("/products/mappings/delete").param("shop", "WEST").param("numIid", "9001").param("skuId", "91")
        .with(csrf()).with(user(principal(Role.AUDITOR)))).andExpect(status().isForbidden());
    var wes = principal("wes", Role.OPERATOR, ShopScope.only(only(west)));
    mvc.perform(post("/products/mappings").param("shop", "EAST").param("numIid", "1").param("code", "CUP").with(csrf()).with(user(wes)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/products").param("shop", "EAST").with(user(wes))).andExpect(status().isNotFound());
    assertThat(mapping("9001", "91")).isNull(); // of EAST: none
    assertThat(products.mappings()).extracting(SkuMapping::code).containsExactly("MUG");
    assertThat(audit.entries(AuditAction.MAPPING_CHANGE, null, null, null, null, 10)).hasSize(1);
  }

  @Test
  void aComboMappingToAnUnknownComboIsRefusedWithOneLine() throws Exception {
    mvc.perform(post("/products/mappings").param("shop", "EAST").param("numIid", "5001").param("code", "GIFTBOX").param("combo", "true")
            .with(csrf()).with(user(olga)))
        .andExpect(flash().attribute("refused", "PRODUCT-003: no combo has the code 'GIFTBOX' (products combos list)"));
    assertThat(mapping("5001", "")).isNull();
  }

  private String mapping(String numIid, String skuId) {
    return products.mappings().stream().filter(m -> m.shop().equals(east.id()) && m.numIid().equals(numIid) && m.skuId().equals(skuId))
        .map(SkuMapping::code).findFirst().orElse(null);
  }

  private String html(String url, ConsolePrincipal as) throws Exception {
    var response = mvc.perform(get(url).with(user(as))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    response.setCharacterEncoding("UTF-8");
    return response.getContentAsString().replaceAll(">\\s+<", "><");
  }
}
