package com.tmallbridge.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's web security (web processes only): form login against {@link UserManagement}'s
 * users, each login and refusal recorded with the source address, lockout after repeated failures,
 * CSRF protection (forms carry the token, htmx sends it as a header from the page's meta tags),
 * security headers, and every request decided by {@link AccessRules}. Also the language: Chinese
 * unless the {@code lang} parameter (kept in a cookie) asks for English.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSecurity
class ConsoleSecurity implements WebMvcConfigurer {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain consoleFilterChain(HttpSecurity http, UserManagement users, LoginThrottle throttle,
      ConsoleProperties properties) throws Exception {
    MetricsToken token = new MetricsToken(properties.metricsToken());
    http.addFilterBefore(new ThrottledLogins(throttle, users), UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().access((auth, context) -> decide(auth, context, token)))
        .formLogin(form -> form.loginPage("/login").permitAll()
            .successHandler(new Recorded(users))
            .failureHandler(new Refused(users, throttle)))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  @Bean
  LoginThrottle loginThrottle(Clock clock, ConsoleProperties properties) {
    return new LoginThrottle(clock, properties);
  }

  @Bean
  UserDetailsService consoleUsers(UserManagement users) {
    return username -> {
      ConsoleUser user = users.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
      String hash = users.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
      return new ConsolePrincipal(user.username(), hash, user.role(), user.scope(), user.enabled(), user.lockedAt(users.now()));
    };
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("bridge-lang");
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    registry.addInterceptor(change);
  }

  /**
   * Grants a request when {@link AccessRules} has a rule for it that is open, names the user's role,
   * or admits the metrics token and the request carries it.
   */
  static AuthorizationResult decide(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context,
      MetricsToken token) {
    HttpServletRequest request = context.getRequest();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<AccessRules.Rule> rule = AccessRules.ruleFor(HttpMethod.valueOf(request.getMethod()), path.isEmpty() ? "/" : path);
    if (rule.isEmpty()) {
      return new AuthorizationDecision(false);
    }
    if (rule.get().open() || rule.get().metricsToken() && token.presentedBy(request)) {
      return new AuthorizationDecision(true);
    }
    Authentication auth = authentication.get();
    boolean granted = auth != null && auth.getPrincipal() instanceof ConsolePrincipal principal
        && rule.get().roles().contains(principal.role());
    return new AuthorizationDecision(granted);
  }

  /** Records the login, then goes where the user was headed. */
  private static final class Recorded extends SavedRequestAwareAuthenticationSuccessHandler {
    private final UserManagement users;

    Recorded(UserManagement users) {
      this.users = users;
      setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws jakarta.servlet.ServletException, IOException {
      users.loginSucceeded(authentication.getName(), request.getRemoteAddr());
      super.onAuthenticationSuccess(request, response, authentication);
    }
  }

  /** Records the refusal (and counts it towards a lockout), then shows the login page again. */
  private static final class Refused extends SimpleUrlAuthenticationFailureHandler {
    private final UserManagement users;
    private final LoginThrottle throttle;

    Refused(UserManagement users, LoginThrottle throttle) {
      super("/login?error");
      this.users = users;
      this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
        throws jakarta.servlet.ServletException, IOException {
      String username = Optional.ofNullable(request.getParameter("username")).orElse("");
      String reason = exception instanceof LockedException ? "LOCKED"
          : exception instanceof DisabledException ? "DISABLED" : "BAD_CREDENTIALS";
      users.loginFailed(username, request.getRemoteAddr(), reason);
      throttle.failed(request.getRemoteAddr());
      super.onAuthenticationFailure(request, response, exception);
    }
  }

  /**
   * Refuses a login attempt ({@code POST /login}) from an address {@link LoginThrottle} holds back,
   * before any password is checked: back to the login page with {@code ?throttled}, and a
   * {@code Retry-After} header in seconds. Recorded as {@code LOGIN_FAILED}/{@code THROTTLED} at most
   * once a minute per address.
   */
  private static final class ThrottledLogins extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final UserManagement users;

    ThrottledLogins(LoginThrottle throttle, UserManagement users) {
      this.throttle = throttle;
      this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws jakarta.servlet.ServletException, IOException {
      String address = request.getRemoteAddr();
      Optional<Duration> refused = throttle.refusedFor(address);
      if (refused.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      if (throttle.recordRefusal(address)) {
        users.loginFailed(Optional.ofNullable(request.getParameter("username")).orElse(""), address, "THROTTLED");
      }
      response.setHeader("Retry-After", Long.toString(Math.max(1, refused.get().toSeconds() + 1)));
      response.sendRedirect(request.getContextPath() + "/login?throttled");
    }
  }
}
