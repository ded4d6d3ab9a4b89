package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Personal API tokens: created, used, listed with their last use, revoked, refused when wrong, and each refusal audited. */
class ApiTokenTests extends ConsoleWebTestBase {
  @Autowired ApiTokens tokens;
  @Autowired AuditManagement audit;

  @Test
  void aTokenIsShownOnceStoredOnlyAsItsHashAndAuthenticatesStatelesslyAsItsUser() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    IssuedToken issued = tokens.create("olga", "erp-export", Duration.ofDays(30));

    assertThat(issued.secret()).matches("tbk_[A-Za-z0-9_-]{43}");
    assertThat(issued.toString()).doesNotContain(issued.secret());
    String stored = jdbc.sql("select token_hash from console_api_token").query(String.class).single();
    assertThat(stored).isEqualTo(ApiTokens.sha256(issued.secret())).doesNotContain(issued.secret());
    assertThat(issued.token().expiresAt()).isEqualTo(issued.token().createdAt().plus(Duration.ofDays(30)));
    assertThat(tokens.list("olga").get(0).lastUsedAt()).isNull();

    MvcResult result = mvc.perform(bearer(get("/api/dashboard"), issued.secret()).with(r -> {
          r.setRemoteAddr("10.1.2.3");
          return r;
        }))
        .andExpect(status().isOk()).andExpect(jsonPath("$.today.received").value(0)).andReturn();
    assertThat(result.getRequest().getSession(false)).as("no session for a bearer request").isNull();
    assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();

    ApiToken used = tokens.list("olga").get(0);
    assertThat(used.lastUsedAt()).isNotNull();
    assertThat(used.lastUsedFrom()).isEqualTo("10.1.2.3");
    assertThat(used.statusAt(Instant.now())).isEqualTo(ApiToken.Status.ACTIVE);
    assertThat(audit.entries(AuditAction.USER_CHANGE, null, "token:olga/erp-export", null, null, 5)).extracting(AuditEntry::after)
        .singleElement().asString().contains("created").contains("expires");
  }

  @Test
  void aTokenActsWithItsUsersRoleAndShops() throws Exception {
    var east = shop("EAST");
    users.add("aud", Role.AUDITOR, ShopScope.only(only(east)), PASSWORD);
    String token = tokens.create("aud", "read", null).secret();

    mvc.perform(bearer(get("/api/audit"), token)).andExpect(status().isOk());
    mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/exceptions/1/retry"), token))
        .andExpect(status().isForbidden()).andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.detail").value("your role may not use POST /api/exceptions/1/retry"));
    mvc.perform(bearer(get("/api/stock").param("shop", "WEST"), token)).andExpect(status().isNotFound());
  }

  @Test
  void aRevokedTokenIsRefusedWith401AndTheRefusalIsAudited() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    IssuedToken issued = tokens.create("olga", "ci", null);
    mvc.perform(bearer(get("/api/orders"), issued.secret())).andExpect(status().isOk());

    ApiToken revoked = tokens.revoke(issued.token().id());
    assertThat(revoked.revokedAt()).isNotNull();
    assertThat(tokens.revoke(issued.token().id()).revokedAt()).as("a second revoke changes nothing").isEqualTo(revoked.revokedAt());

    mvc.perform(bearer(get("/api/orders"), issued.secret()))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"tmallbridge\", error=\"invalid_token\""))
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("revoked")));
    AuditEntry refused = audit.entries(AuditAction.LOGIN_FAILED, null, null, null, null, 5).get(0);
    assertThat(refused.actor()).isEqualTo("olga");
    assertThat(refused.target()).isEqualTo("token:olga/ci");
    assertThat(refused.outcome()).isEqualTo("REVOKED_TOKEN");
    assertThat(refused.source()).isEqualTo("127.0.0.1");
    assertThat(audit.entries(AuditAction.USER_CHANGE, null, "token:olga/ci", null, null, 5)).extracting(AuditEntry::after)
        .containsExactly("api token #" + issued.token().id() + " revoked", "api token #" + issued.token().id() + " created, no expiry");
  }

  @Test
  void anUnknownOrMalformedTokenIsRefusedAndAuditedWithoutTheToken() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    String real = tokens.create("olga", "ci", null).secret();
    String wrong = real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A");

    mvc.perform(bearer(get("/api/orders"), wrong)).andExpect(status().isUnauthorized());
    mvc.perform(bearer(get("/api/orders"), "not-a-token")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/orders").header("Authorization", "Bearer ")).andExpect(status().isUnauthorized());

    List<AuditEntry> refused = audit.entries(AuditAction.LOGIN_FAILED, null, null, null, null, 10);
    assertThat(refused).hasSize(3).extracting(AuditEntry::outcome).containsOnly("BAD_TOKEN");
    assertThat(refused).extracting(AuditEntry::actor).containsOnly("(api token)");
    assertThat(refused.get(2).target()).isEqualTo("token:sha256:" + ApiTokens.sha256(wrong).substring(0, 12));
    assertThat(refused).allSatisfy(e -> assertThat(e.target()).doesNotContain(wrong).doesNotContain("not-a-token"));
  }

  @Test
  void anExpiredTokenOrATokenOfADisabledUserIsRefused() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    users.add("ivan", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    String olgas = tokens.create("olga", "short", Duration.ofDays(1)).secret();
    String ivans = tokens.create("ivan", "ci", null).secret();
    jdbc.sql("update console_api_token set expires_at = :past where label = 'short'")
        .param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC)).update();
    users.disable("ivan");

    mvc.perform(bearer(get("/api/orders"), olgas)).andExpect(status().isUnauthorized());
    mvc.perform(bearer(get("/api/orders"), ivans)).andExpect(status().isUnauthorized());

    assertThat(audit.entries(AuditAction.LOGIN_FAILED, null, null, null, null, 10)).extracting(AuditEntry::outcome)
        .containsExactly("DISABLED", "EXPIRED_TOKEN");
    assertThat(tokens.list(null)).extracting(t -> t.statusAt(Instant.now())).containsExactly(ApiToken.Status.ACTIVE, ApiToken.Status.EXPIRED);
  }

  @Test
  void withoutAnyCredentialTheApiAnswers401WithABearerChallengeNotTheLoginPage() throws Exception {
    mvc.perform(get("/api/orders"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"tmallbridge\""))
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.instance").value("/api/orders"));
    mvc.perform(get("/api/orders").header("Authorization", "Basic b2xnYTpwYXNzd29yZA==")).andExpect(status().isUnauthorized());
  }

  @Test
  void aTokenDoesNotOpenTheConsolesScreens() throws Exception {
    users.add("root", Role.ADMIN, ShopScope.everyShop(), PASSWORD);
    String token = tokens.create("root", "ci", null).secret();

    mvc.perform(bearer(get("/audit"), token)).andExpect(status().is3xxRedirection());
  }

  @Test
  void labelsAreCheckedAndUniquePerUser() {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    tokens.create("olga", "ci", null);

    assertThatIllegalArgumentException().isThrownBy(() -> tokens.create("olga", "ci", null)).withMessageContaining("already");
    assertThatIllegalArgumentException().isThrownBy(() -> tokens.create("olga", "a b", null)).withMessageContaining("letters");
    assertThatIllegalArgumentException().isThrownBy(() -> tokens.create("nobody", "ci", null)).withMessageContaining("no user 'nobody'");
    assertThatIllegalArgumentException().isThrownBy(() -> tokens.create("olga", "x", Duration.ZERO)).withMessageContaining("positive");
    assertThatIllegalArgumentException().isThrownBy(() -> tokens.revoke(999)).withMessageContaining("#999");
  }

  @Test
  void aSignedInUserCreatesListsAndRevokesTheirOwnTokensThroughTheApiButATokenCannotCreateOne() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    users.add("ivan", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    ConsolePrincipal olga = principal("olga", Role.OPERATOR, ShopScope.everyShop());
    long ivans = tokens.create("ivan", "his", null).token().id();

    String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/tokens")
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(olga))
            .contentType("application/json").content("{\"label\": \"laptop\", \"days\": 7}"))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.label").value("laptop"))
        .andReturn().getResponse().getContentAsString();
    String token = created.replaceAll(".*\"token\":\"(tbk_[^\"]+)\".*", "$1");
    assertThat(token).matches("tbk_[A-Za-z0-9_-]{43}");
    assertThat(audit.entries(AuditAction.USER_CHANGE, null, "token:olga/laptop", null, null, 5).get(0).actor()).isEqualTo("olga");

    mvc.perform(bearer(get("/api/tokens"), token)).andExpect(status().isOk())
        .andExpect(jsonPath("$[*].label").value(org.hamcrest.Matchers.contains("laptop")))
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(token))));
    mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/tokens"), token)
            .contentType("application/json").content("{\"label\": \"more\"}"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot create")));
    mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/tokens/{id}/revoke", ivans), token))
        .andExpect(status().isNotFound());
    assertThat(tokens.list("ivan").get(0).revokedAt()).isNull();

    long id = tokens.list("olga").get(0).id();
    mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/tokens/{id}/revoke", id), token))
        .andExpect(status().isOk()).andExpect(jsonPath("$.revokedAt").isNotEmpty());
    mvc.perform(bearer(get("/api/tokens"), token)).andExpect(status().isUnauthorized());
  }

  static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
    return request.header("Authorization", "Bearer " + token);
  }
}
