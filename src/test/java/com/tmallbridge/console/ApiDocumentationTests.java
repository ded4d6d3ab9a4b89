package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.testsupport.H2Only;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document at {@code /api/openapi.json}: every {@code /api} endpoint, the bearer scheme, each operation's roles; Swagger UI. */
@H2Only("the OpenAPI document is built from the controllers, not from rows")
class ApiDocumentationTests extends ConsoleWebTestBase {
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired ApiTokens tokens;
  @Autowired JsonMapper json;

  @Test
  void theDocumentHasEveryApiEndpointWithItsRolesFromTheAccessRules() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    String token = tokens.create("olga", "docs", null).secret();
    String body = mvc.perform(get("/api/openapi.json").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    JsonNode doc = json.readTree(body);

    List<String> documented = new ArrayList<>();
    doc.get("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(op -> documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
    List<String> mapped = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/") && !pattern.startsWith("/api/openapi.json")) {
          info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
        }
      }
    }
    assertThat(mapped).hasSize(13);
    assertThat(new TreeSet<>(documented)).isEqualTo(new TreeSet<>(mapped));

    JsonNode retry = doc.get("paths").get("/api/exceptions/{id}/retry").get("post");
    assertThat(retry.get("x-roles").toString()).isEqualTo("[\"ADMIN\",\"OPERATOR\"]".toLowerCase(Locale.ROOT));
    assertThat(retry.get("description").asString()).contains("Roles: admin, operator.");
    assertThat(doc.get("paths").get("/api/audit").get("get").get("x-roles").toString()).isEqualTo("[\"admin\",\"auditor\"]");
    JsonNode bearer = doc.get("components").get("securitySchemes").get("apiToken");
    assertThat(bearer.get("type").asString()).isEqualTo("http");
    assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
    assertThat(doc.get("info").get("description").asString()).contains("yuan");
  }

  @Test
  void swaggerUiIsForSignedInUsers() throws Exception {
    mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/api/openapi.json")).andExpect(status().isUnauthorized());

    mvc.perform(get("/swagger-ui.html").with(user(principal(Role.AUDITOR)))).andExpect(status().is3xxRedirection());
    mvc.perform(get("/swagger-ui/index.html").with(user(principal(Role.AUDITOR)))).andExpect(status().isOk());
    String config = mvc.perform(get("/api/openapi.json/swagger-config").with(user(principal(Role.AUDITOR)))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(config).contains("/api/openapi.json");
  }
}
