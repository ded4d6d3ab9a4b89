package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.tmallbridge.testsupport.H2Only;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint Spring MVC has registered, for every role and for an anonymous visitor, and
 * checks who gets through against the matrix below — written out here, independently of
 * {@link AccessRules}. A new endpoint fails this test until it has a rule in {@link AccessRules}
 * and a row here. Each role is tried twice: signed in with a session, and with a personal API token
 * of a user of that role ({@code Authorization: Bearer}, no CSRF token): a token reaches exactly
 * what a session of its user reaches under {@code /api}, and nothing but the open pages elsewhere.
 */
@H2Only("who may reach which endpoint is decided by the security rules before any query; sessions, tokens and lockout in the database run on PostgreSQL in ConsoleSecurityTests and ApiTokenTests")
class RoleMatrixTests extends ConsoleWebTestBase {
  /** Open to anyone, signed in or not. */
  private static final Set<Role> OPEN = EnumSet.noneOf(Role.class);
  private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

  /** Endpoint ("METHOD pattern", {@code *} for any method) → roles allowed ({@link #OPEN}: everyone). */
  private static final Map<String, Set<Role>> EXPECTED = new LinkedHashMap<>();
  static {
    EXPECTED.put("GET /login", OPEN);
    EXPECTED.put("* /error", OPEN);
    EXPECTED.put("GET /", EVERY_ROLE);
    EXPECTED.put("GET /dashboard/hourly", EVERY_ROLE);
    EXPECTED.put("GET /orders", EVERY_ROLE);
    EXPECTED.put("GET /orders/export.xlsx", EVERY_ROLE);
    EXPECTED.put("POST /orders/{shopId}/{tid}/reveal", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("GET /exceptions", EVERY_ROLE);
    EXPECTED.put("POST /exceptions/{id}/retry", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /refunds/{shopId}/{refundId}/retry", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("GET /audit", EnumSet.of(Role.ADMIN, Role.AUDITOR));
    // issue 12: reconciliation
    EXPECTED.put("GET /money/reconciliation", EVERY_ROLE);
    EXPECTED.put("POST /money/reconciliation/run", EnumSet.of(Role.ADMIN, Role.AUDITOR));
    // console4: order page, exception actions, settings, users
    EXPECTED.put("GET /orders/{shopId}/{tid}", EVERY_ROLE);
    EXPECTED.put("POST /exceptions/{id}/ignore", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /exceptions/bulk", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("GET /exceptions/{id}/fix", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /exceptions/{id}/fix", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("GET /users", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /users", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /users/{name}/disable", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /users/{name}/password", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /settings", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /settings/shops", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /settings/shops/new", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /settings/shops/{id}", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /settings/shops", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /settings/shops/{id}/test", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /settings/erp", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /settings/erp/test", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /settings/rules", EnumSet.of(Role.ADMIN));
    // console3: stock, products and mappings, shipments, after-sale, long jobs
    EXPECTED.put("GET /stock", EVERY_ROLE);
    // console5: publish rules and promotion locks
    EXPECTED.put("GET /stock/rules", EVERY_ROLE);
    EXPECTED.put("POST /stock/rules", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /stock/rules/delete", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /stock/locks", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /stock/locks/{id}/delete", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("GET /products", EVERY_ROLE);
    EXPECTED.put("POST /products/mappings", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /products/mappings/delete", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /products/carriers", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("GET /shipments", EVERY_ROLE);
    EXPECTED.put("GET /aftersale", EVERY_ROLE);
    EXPECTED.put("GET /jobs", EVERY_ROLE);
    EXPECTED.put("GET /jobs/{id}", EVERY_ROLE);
    EXPECTED.put("POST /jobs/stock-push", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("POST /jobs/backfill", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    // #12 Money: reports (read + export) for admin and auditor
    EXPECTED.put("GET /money/reports", EnumSet.of(Role.ADMIN, Role.AUDITOR));
    EXPECTED.put("GET /money/reports/export.xlsx", EnumSet.of(Role.ADMIN, Role.AUDITOR));
    EXPECTED.put("GET /money/vouchers", EnumSet.of(Role.ADMIN, Role.AUDITOR));
    EXPECTED.put("GET /money/vouchers/voucher", EnumSet.of(Role.ADMIN, Role.AUDITOR));
    EXPECTED.put("POST /money/vouchers/post", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /actuator/health", OPEN);
    // also open to bridge.console.metrics-token as a bearer token, when one is configured (MetricsScrapeTests)
    EXPECTED.put("GET /actuator/prometheus", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /swagger-ui.html", EVERY_ROLE);
    EXPECTED.put("GET /api/openapi.json", EVERY_ROLE);
    EXPECTED.put("GET /api/openapi.json.yaml", EVERY_ROLE);
    EXPECTED.put("GET /api/openapi.json/swagger-config", EVERY_ROLE);
    EXPECTED.put("GET /api/dashboard", EVERY_ROLE);
    EXPECTED.put("GET /api/orders", EVERY_ROLE);
    EXPECTED.put("GET /api/orders/{shopId}/{tid}", EVERY_ROLE);
    EXPECTED.put("GET /api/exceptions", EVERY_ROLE);
    EXPECTED.put("POST /api/exceptions/{id}/retry", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("GET /api/stock", EVERY_ROLE);
    EXPECTED.put("GET /api/shipments", EVERY_ROLE);
    EXPECTED.put("GET /api/refunds", EVERY_ROLE);
    EXPECTED.put("POST /api/refunds/{shopId}/{refundId}/retry", EnumSet.of(Role.ADMIN, Role.OPERATOR));
    EXPECTED.put("GET /api/audit", EnumSet.of(Role.ADMIN, Role.AUDITOR));
    EXPECTED.put("GET /api/tokens", EVERY_ROLE);
    EXPECTED.put("POST /api/tokens", EVERY_ROLE);
    EXPECTED.put("POST /api/tokens/{id}/revoke", EVERY_ROLE);
  }

  /** Endpoints a session reaches but a token never does (whatever the role). */
  private static final Set<String> SESSION_ONLY = Set.of("POST /api/tokens");

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired ApiTokens apiTokens;

  @Test
  void everyRegisteredEndpointHasARuleAndAnswersEachRoleAsTheMatrixSays() throws Exception {
    List<String> endpoints = registeredEndpoints();
    endpoints.add("GET /actuator/health");
    endpoints.add("GET /actuator/prometheus");
    assertThat(endpoints).as("the walk found the console's endpoints").contains("GET /", "POST /exceptions/{id}/retry");

    Map<Role, String> tokens = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      String name = "matrix-" + role.name().toLowerCase();
      users.add(name, role, ShopScope.everyShop(), PASSWORD);
      tokens.put(role, apiTokens.create(name, "matrix", null).secret());
    }

    List<String> problems = new ArrayList<>();
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
      String path = pattern.replaceAll("\\{[^}]+}", "9999"); // no such row: an action finds nothing to act on
      HttpMethod http = method.equals("*") ? HttpMethod.GET : HttpMethod.valueOf(method);
      if (AccessRules.ruleFor(http, path).isEmpty()) {
        problems.add(endpoint + ": no rule in AccessRules");
      }
      Set<Role> allowed = EXPECTED.get(endpoint);
      if (allowed == null) {
        problems.add(endpoint + ": not in this test's matrix");
        continue;
      }
      for (Role role : Role.values()) {
        boolean expected = allowed == OPEN || allowed.contains(role);
        boolean got = passes(perform(http, path, role), false);
        if (got != expected) {
          problems.add(endpoint + " as " + role + ": " + (expected ? "refused, should be allowed" : "allowed, should be refused"));
        }
        boolean byTokenExpected = allowed == OPEN
            || pattern.startsWith("/api/") && allowed.contains(role) && !SESSION_ONLY.contains(endpoint);
        boolean byToken = passes(performWithToken(http, path, tokens.get(role)), true);
        if (byToken != byTokenExpected) {
          problems.add(endpoint + " with a token of a " + role + ": "
              + (byTokenExpected ? "refused, should be allowed" : "allowed, should be refused"));
        }
      }
      boolean anonymous = passes(perform(http, path, null), true);
      if (anonymous != (allowed == OPEN)) {
        problems.add(endpoint + " anonymous: " + (anonymous ? "allowed, should be sent to the login" : "refused, should be open"));
      }
    }
    assertThat(problems).isEmpty();
    assertThat(new TreeSet<>(EXPECTED.keySet())).as("every row of the matrix is a registered endpoint")
        .isEqualTo(new TreeSet<>(endpoints));
  }

  @Test
  void aPostToTheApiWithASessionNeedsTheCsrfTokenButOneWithABearerTokenDoesNot() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    String token = apiTokens.create("olga", "script", null).secret();

    MockHttpServletResponse session = mvc.perform(request(HttpMethod.POST, "/api/exceptions/1/retry").with(user(principal(Role.OPERATOR))))
        .andReturn().getResponse();
    assertThat(session.getStatus()).isEqualTo(403);
    assertThat(session.getContentType()).isEqualTo("application/problem+json");
    assertThat(session.getContentAsString()).contains("CSRF");

    MockHttpServletResponse bearer = performWithToken(HttpMethod.POST, "/api/exceptions/1/retry", token);
    assertThat(bearer.getStatus()).as("through security and CSRF, then no such exception").isEqualTo(404);
  }

  @Test
  void onlyThePrometheusScrapeAdmitsTheMetricsToken() {
    assertThat(AccessRules.RULES.stream().filter(AccessRules.Rule::metricsToken).map(r -> r.method() + " " + r.pattern()))
        .containsExactly("GET /actuator/prometheus");
  }

  @Test
  void aBearerTokenOpensNothingWhenNoTokenIsConfigured() throws Exception {
    MockHttpServletResponse response = mvc.perform(request(HttpMethod.GET, "/actuator/prometheus").header("Authorization", "Bearer "))
        .andReturn().getResponse();
    assertThat(passes(response, true)).isFalse();
  }

  @Test
  void aPathWithoutARuleIsRefusedToEveryone() throws Exception {
    assertThat(AccessRules.ruleFor(HttpMethod.GET, "/no-such-screen")).isEmpty();
    for (Role role : Role.values()) {
      assertThat(perform(HttpMethod.GET, "/no-such-screen", role).getStatus()).isEqualTo(403);
    }
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedEvenToAnAdmin() throws Exception {
    MockHttpServletResponse response = mvc.perform(request(HttpMethod.POST, "/exceptions/1/retry").with(user(principal(Role.ADMIN))))
        .andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(403);
  }

  private List<String> registeredEndpoints() {
    List<String> endpoints = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          endpoints.add("* " + pattern);
        } else {
          methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
        }
      }
    }
    return endpoints;
  }

  private MockHttpServletResponse perform(HttpMethod method, String path, @Nullable Role role) throws Exception {
    MockHttpServletRequestBuilder request = request(method, path);
    if (method.equals(HttpMethod.POST)) {
      request.with(csrf());
    }
    if (role != null) {
      request.with(user(principal(role)));
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse performWithToken(HttpMethod method, String path, String token) throws Exception {
    return mvc.perform(request(method, path).header("Authorization", "Bearer " + token)).andReturn().getResponse();
  }

  /** Through security: neither refused (403) nor, for an anonymous visitor, sent to the login page. */
  private static boolean passes(MockHttpServletResponse response, boolean anonymous) {
    if (response.getStatus() == 403 || response.getStatus() == 401) {
      return false;
    }
    String location = response.getRedirectedUrl();
    return !(anonymous && location != null && location.endsWith("/login"));
  }
}
