package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

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
 * and a row here.
 */
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
    EXPECTED.put("GET /actuator/health", OPEN);
    EXPECTED.put("GET /actuator/prometheus", EnumSet.of(Role.ADMIN));
  }

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void everyRegisteredEndpointHasARuleAndAnswersEachRoleAsTheMatrixSays() throws Exception {
    List<String> endpoints = registeredEndpoints();
    endpoints.add("GET /actuator/health");
    endpoints.add("GET /actuator/prometheus");
    assertThat(endpoints).as("the walk found the console's endpoints").contains("GET /", "POST /exceptions/{id}/retry");

    List<String> problems = new ArrayList<>();
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
      String path = pattern.replaceAll("\\{[^}]+}", "1");
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

  /** Through security: neither refused (403) nor, for an anonymous visitor, sent to the login page. */
  private static boolean passes(MockHttpServletResponse response, boolean anonymous) {
    if (response.getStatus() == 403 || response.getStatus() == 401) {
      return false;
    }
    String location = response.getRedirectedUrl();
    return !(anonymous && location != null && location.endsWith("/login"));
  }
}
