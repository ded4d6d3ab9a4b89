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
import com.tmallbridge.shop.Shop;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The users screen: add with role and shops, disable, new password; audited, passwords never shown, scoped admins. */
class UsersScreenTests extends ConsoleWebTestBase {
  private static final String NEW_PASSWORD = "a-brand-new-passphrase-42";

  @Autowired AuditManagement audit;

  private final ConsolePrincipal ada = principal("ada", Role.ADMIN, ShopScope.everyShop());

  @Test
  void anAdminAddsAnOperatorForOneShopAndTheAuditLogNamesTheAdmin() throws Exception {
    Shop east = shop("EAST");

    var body = mvc.perform(post("/users").param("username", "olga").param("role", "operator").param("shops", Long.toString(east.id().value()))
        .param("password", PASSWORD).with(csrf()).with(user(ada))).andExpect(redirectedUrl("/users")).andReturn();

    ConsoleUser olga = users.find("olga").orElseThrow();
    assertThat(olga.role()).isEqualTo(Role.OPERATOR);
    assertThat(olga.scope()).isEqualTo(ShopScope.only(Set.of(east.id())));
    AuditEntry entry = audit.entries(AuditAction.USER_CHANGE, "ada", "user:olga", null, null, 5).get(0);
    assertThat(entry.after()).contains("role=OPERATOR").doesNotContain(PASSWORD);
    assertThat(body.getResponse().getContentAsString()).doesNotContain(PASSWORD);
    String page = page("/users", ada);
    assertThat(page).contains(">olga<").contains(">EAST<").doesNotContain(PASSWORD).doesNotContain("{bcrypt}");
  }

  @Test
  void aShortPasswordOrATakenNameIsRefusedWithOneLineAndThePasswordIsNotEchoed() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);

    var shortOne = mvc.perform(post("/users").param("username", "ivan").param("role", "auditor").param("password", "short-9")
        .with(csrf()).with(user(ada))).andReturn().getFlashMap();
    var taken = mvc.perform(post("/users").param("username", "olga").param("role", "auditor").param("password", NEW_PASSWORD)
        .with(csrf()).with(user(ada))).andReturn().getFlashMap();

    assertThat(shortOne.get("problem")).asString().contains("12").doesNotContain("short-9");
    assertThat(taken.get("problem")).asString().isEqualTo("user 'olga' exists already");
    assertThat(users.find("ivan")).isEmpty();
  }

  @Test
  void anAdminDisablesAUserAndSetsANewPasswordBothAudited() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);

    mvc.perform(post("/users/{name}/password", "olga").param("password", NEW_PASSWORD).with(csrf()).with(user(ada)))
        .andExpect(redirectedUrl("/users"));
    mvc.perform(post("/users/{name}/disable", "olga").with(csrf()).with(user(ada))).andExpect(redirectedUrl("/users"));

    assertThat(users.find("olga").orElseThrow().enabled()).isFalse();
    List<AuditEntry> entries = audit.entries(AuditAction.USER_CHANGE, "ada", "user:olga", null, null, 5);
    assertThat(entries).extracting(AuditEntry::after).containsExactly("disabled", "password **** (changed)");
    assertThat(page("/users", ada)).doesNotContain(NEW_PASSWORD);
    mvc.perform(post("/users/{name}/disable", "nobody").with(csrf()).with(user(ada))).andExpect(status().isNotFound());
  }

  @Test
  void anAdminLimitedToOneShopSeesOnlyUsersWithinItAndGrantsNoMore() throws Exception {
    Shop east = shop("EAST");
    Shop west = shop("WEST");
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    users.add("wendy", Role.OPERATOR, ShopScope.only(only(west)), PASSWORD);
    ConsolePrincipal wes = principal("wes", Role.ADMIN, ShopScope.only(only(west)));

    assertThat(page("/users", wes)).contains(">wendy<").doesNotContain(">olga<").doesNotContain("EAST");
    mvc.perform(post("/users/{name}/disable", "olga").with(csrf()).with(user(wes))).andExpect(status().isNotFound());
    var flash = mvc.perform(post("/users").param("username", "ivan").param("role", "operator").param("password", NEW_PASSWORD)
        .with(csrf()).with(user(wes))).andReturn().getFlashMap();
    assertThat(flash.get("problem")).asString().contains("only the shops you see");
    mvc.perform(post("/users").param("username", "ivan").param("role", "operator").param("shops", Long.toString(east.id().value()))
        .param("password", NEW_PASSWORD).with(csrf()).with(user(wes)));
    assertThat(users.find("ivan")).isEmpty();
    assertThat(users.find("olga").orElseThrow().enabled()).isTrue();
  }

  @Test
  void operatorsAndAuditorsAreRefusedTheUsersScreenAndItsActions() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    for (Role role : List.of(Role.OPERATOR, Role.AUDITOR)) {
      mvc.perform(get("/users").with(user(principal(role)))).andExpect(status().isForbidden());
      mvc.perform(post("/users/{name}/disable", "olga").with(csrf()).with(user(principal(role)))).andExpect(status().isForbidden());
      mvc.perform(post("/users/{name}/password", "olga").param("password", NEW_PASSWORD).with(csrf()).with(user(principal(role))))
          .andExpect(status().isForbidden());
    }
    assertThat(users.find("olga").orElseThrow().enabled()).isTrue();
  }

  private String page(String url, ConsolePrincipal who) throws Exception {
    return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }
}
