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
   * @param metricsToken true when a request carrying {@code bridge.console.metrics-token} as its bearer token may
   *     reach it without a session (the Prometheus scrape); a token never opens another path
   */
  public record Rule(@Nullable HttpMethod method, String pattern, Set<Role> roles, boolean open, boolean metricsToken) {
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
      scrape(HttpMethod.GET, "/actuator/prometheus", ADMIN),
      rule(null, "/actuator/**", ADMIN),
      rule(HttpMethod.POST, "/logout", EVERY_ROLE),
      rule(HttpMethod.GET, "/", EVERY_ROLE),
      rule(HttpMethod.GET, "/dashboard/hourly", EVERY_ROLE),
      rule(HttpMethod.GET, "/orders", EVERY_ROLE),
      rule(HttpMethod.GET, "/orders/export.xlsx", EVERY_ROLE),
      rule(HttpMethod.POST, "/orders/{shopId}/{tid}/reveal", WORKERS),
      rule(HttpMethod.GET, "/exceptions", EVERY_ROLE),
      rule(HttpMethod.POST, "/exceptions/{id}/retry", WORKERS),
      rule(HttpMethod.GET, "/orders/{shopId}/{tid}", EVERY_ROLE),
      rule(HttpMethod.POST, "/exceptions/{id}/ignore", WORKERS),
      rule(HttpMethod.POST, "/exceptions/bulk", WORKERS),
      rule(HttpMethod.GET, "/exceptions/{id}/fix", WORKERS),
      rule(HttpMethod.POST, "/exceptions/{id}/fix", WORKERS),
      rule(HttpMethod.POST, "/refunds/{shopId}/{refundId}/retry", WORKERS),
      rule(HttpMethod.GET, "/stock", EVERY_ROLE),
      rule(HttpMethod.GET, "/stock/rules", EVERY_ROLE),
      rule(HttpMethod.POST, "/stock/rules", WORKERS),
      rule(HttpMethod.POST, "/stock/rules/delete", WORKERS),
      rule(HttpMethod.POST, "/stock/locks", WORKERS),
      rule(HttpMethod.POST, "/stock/locks/{id}/delete", WORKERS),
      rule(HttpMethod.GET, "/products", EVERY_ROLE),
      rule(HttpMethod.POST, "/products/mappings", WORKERS),
      rule(HttpMethod.POST, "/products/mappings/delete", WORKERS),
      rule(HttpMethod.POST, "/products/carriers", WORKERS),
      rule(HttpMethod.GET, "/shipments", EVERY_ROLE),
      rule(HttpMethod.GET, "/aftersale", EVERY_ROLE),
      rule(HttpMethod.GET, "/jobs", EVERY_ROLE),
      rule(HttpMethod.GET, "/jobs/{id}", EVERY_ROLE),
      rule(HttpMethod.POST, "/jobs/stock-push", WORKERS),
      rule(HttpMethod.POST, "/jobs/backfill", WORKERS),
      rule(HttpMethod.GET, "/money/reconciliation", EVERY_ROLE),
      rule(HttpMethod.POST, "/money/reconciliation/run", OVERSEERS),
      rule(HttpMethod.GET, "/audit", OVERSEERS),
      rule(HttpMethod.GET, "/money/reports", OVERSEERS),
      rule(HttpMethod.GET, "/money/reports/export.xlsx", OVERSEERS),
      rule(HttpMethod.GET, "/money/vouchers", OVERSEERS),
      rule(HttpMethod.GET, "/money/vouchers/voucher", OVERSEERS),
      rule(HttpMethod.POST, "/money/vouchers/post", ADMIN),
      rule(HttpMethod.GET, "/users", ADMIN),
      rule(HttpMethod.POST, "/users", ADMIN),
      rule(HttpMethod.POST, "/users/{name}/disable", ADMIN),
      rule(HttpMethod.POST, "/users/{name}/password", ADMIN),
      rule(HttpMethod.GET, "/settings", ADMIN),
      rule(HttpMethod.GET, "/settings/shops", ADMIN),
      rule(HttpMethod.GET, "/settings/shops/new", ADMIN),
      rule(HttpMethod.GET, "/settings/shops/{id}", ADMIN),
      rule(HttpMethod.POST, "/settings/shops", ADMIN),
      rule(HttpMethod.POST, "/settings/shops/{id}/test", ADMIN),
      rule(HttpMethod.GET, "/settings/erp", ADMIN),
      rule(HttpMethod.POST, "/settings/erp/test", ADMIN),
      rule(HttpMethod.GET, "/settings/rules", ADMIN),
      rule(null, "/users/**", ADMIN),
      rule(HttpMethod.GET, "/swagger-ui.html", EVERY_ROLE),
      rule(HttpMethod.GET, "/swagger-ui/**", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/openapi.json", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/openapi.json.yaml", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/openapi.json/**", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/dashboard", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/orders", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/orders/{shopId}/{tid}", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/exceptions", EVERY_ROLE),
      rule(HttpMethod.POST, "/api/exceptions/{id}/retry", WORKERS),
      rule(HttpMethod.GET, "/api/stock", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/shipments", EVERY_ROLE),
      rule(HttpMethod.GET, "/api/refunds", EVERY_ROLE),
      rule(HttpMethod.POST, "/api/refunds/{shopId}/{refundId}/retry", WORKERS),
      rule(HttpMethod.GET, "/api/audit", OVERSEERS),
      rule(HttpMethod.GET, "/api/tokens", EVERY_ROLE),
      rule(HttpMethod.POST, "/api/tokens", EVERY_ROLE),
      rule(HttpMethod.POST, "/api/tokens/{id}/revoke", EVERY_ROLE),
      rule(null, "/settings/**", ADMIN));

  private AccessRules() {}

  /** The first rule for the request, if any (none: denied to all). */
  public static Optional<Rule> ruleFor(HttpMethod method, String path) {
    return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
  }

  private static Rule open(@Nullable HttpMethod method, String pattern) {
    return new Rule(method, pattern, Set.of(), true, false);
  }

  private static Rule rule(@Nullable HttpMethod method, String pattern, Set<Role> roles) {
    return new Rule(method, pattern, roles, false, false);
  }

  /** Reachable by {@code roles} signed in, and by a scraper with the metrics token. */
  private static Rule scrape(HttpMethod method, String pattern, Set<Role> roles) {
    return new Rule(method, pattern, roles, false, true);
  }
}
