package com.tmallbridge.console;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may reach what in the console: URL patterns (with the HTTP method, or any)
 * to the roles allowed, the first match winning. A path no rule matches is denied to everyone, so a
 * new endpoint is unreachable until it gets a rule here; {@code RoleMatrixTests} walks every
 * registered endpoint for every role and fails on an endpoint without a rule.
 */
public final class AccessRules {

  /**
   * One rule.
   *
   * @param method the HTTP method, null for any
   * @param pattern a Spring path pattern, e.g. {@code /exceptions/{id}/retry}
   * @param roles roles allowed; empty together with {@code open}
   * @param open true when anyone may reach it, signed in or not (the login page, static files, health)
   */
  public record Rule(@Nullable HttpMethod method, String pattern, Set<Role> roles, boolean open) {
    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    public Rule {
      roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    boolean matches(HttpMethod requestMethod, String path) {
      PathPattern parsed = PARSER.parse(pattern);
      return (method == null || method.equals(requestMethod))
          && parsed.matches(org.springframework.http.server.PathContainer.parsePath(path));
    }
  }

  private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
  private static final Set<Role> WORKERS = EnumSet.of(Role.ADMIN, Role.OPERATOR);
  private static final Set<Role> OVERSEERS = EnumSet.of(Role.ADMIN, Role.AUDITOR);
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

  /** The rules, first match wins. */
  public static final List<Rule> RULES = List.of(
      open(HttpMethod.GET, "/login"),
      open(HttpMethod.GET, "/css/**"),
      open(HttpMethod.GET, "/js/**"),
      open(HttpMethod.GET, "/webjars/**"),
      open(HttpMethod.GET, "/favicon.ico"),
      open(null, "/error"),
      open(HttpMethod.GET, "/actuator/health"),
      rule(HttpMethod.GET, "/actuator/prometheus", ADMIN),
      rule(null, "/actuator/**", ADMIN),
      rule(HttpMethod.POST, "/logout", EVERY_ROLE),
      rule(HttpMethod.GET, "/", EVERY_ROLE),
      rule(HttpMethod.GET, "/dashboard/hourly", EVERY_ROLE),
      rule(HttpMethod.GET, "/orders", EVERY_ROLE),
      rule(HttpMethod.GET, "/orders/export.xlsx", EVERY_ROLE),
      rule(HttpMethod.POST, "/orders/{shopId}/{tid}/reveal", WORKERS),
      rule(HttpMethod.GET, "/exceptions", EVERY_ROLE),
      rule(HttpMethod.POST, "/exceptions/{id}/retry", WORKERS),
      rule(HttpMethod.POST, "/refunds/{shopId}/{refundId}/retry", WORKERS),
      rule(HttpMethod.GET, "/audit", OVERSEERS),
      rule(null, "/users/**", ADMIN),
      rule(null, "/settings/**", ADMIN));

  private AccessRules() {}

  /** The first rule for the request, if any (none: denied to all). */
  public static Optional<Rule> ruleFor(HttpMethod method, String path) {
    return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
  }

  private static Rule open(@Nullable HttpMethod method, String pattern) {
    return new Rule(method, pattern, Set.of(), true);
  }

  private static Rule rule(@Nullable HttpMethod method, String pattern, Set<Role> roles) {
    return new Rule(method, pattern, roles, false);
  }
}
