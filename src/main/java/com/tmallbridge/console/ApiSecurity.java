package com.tmallbridge.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of the REST API under {@code /api} (checked before the console's chain, which takes every
 * other path). A request is authenticated by a personal API token ({@code Authorization: Bearer …},
 * {@link BearerTokenFilter}), statelessly, or by the console's session cookie (so Swagger UI and
 * the console's own scripts can call it). Who reaches what is {@link AccessRules}, as for the
 * screens. CSRF: a request with a Bearer credential needs no token (a browser never adds that
 * header by itself); a session request that changes something needs the CSRF token as the console's
 * forms do. Refusals are problem details: 401 with a Bearer challenge, 403 for a role or CSRF.
 * No session is ever created here, and no request is saved for after a login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, JsonMapper json) throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    MetricsToken none = new MetricsToken(null); // the scrape token opens /actuator/prometheus only, never /api
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().access((auth, context) -> ConsoleSecurity.decide(auth, context, none)))
        .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
        .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::carriesBearer))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, refused) -> problems.unauthorized(request, response,
                "sign in: send 'Authorization: Bearer <token>' (create one with 'bridge user token add') or use a console session", false))
            .accessDeniedHandler((request, response, denied) -> problems.forbidden(request, response, denied instanceof CsrfException
                ? "a request with a session cookie that changes something needs the CSRF token (header X-CSRF-TOKEN); scripts use a bearer token"
                : "your role may not use " + request.getMethod() + " " + request.getRequestURI())))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ConsoleSecurity.CSP))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}
