package com.tmallbridge.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an {@code /api} request that carries {@code Authorization: Bearer <token>} with
 * {@link ApiTokens}, for this request only (nothing is stored in a session). A refused token ends
 * the request with 401 at once: it never falls back to a session cookie sent alongside. A request
 * without a Bearer header passes untouched (a signed-in session may still authorise it).
 */
final class BearerTokenFilter extends OncePerRequestFilter {
  private static final String SCHEME = "Bearer ";

  private final ApiTokens tokens;
  private final ProblemResponses problems;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  /** True when the request carries a Bearer credential (such a request needs no CSRF token: a browser does not add it on its own). */
  static boolean carriesBearer(HttpServletRequest request) {
    return bearer(request) != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String secret = bearer(request);
    if (secret == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ConsolePrincipal> principal = tokens.authenticate(secret, request.getRemoteAddr());
    if (principal.isEmpty()) {
      contexts.clearContext();
      problems.unauthorized(request, response,
          "the API token is not valid: unknown, revoked or expired, or its user is disabled (see 'bridge user token list')", true);
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, principal.get().getAuthorities()));
    contexts.setContext(context);
    chain.doFilter(request, response);
  }

  private static @Nullable String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() < SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    return header.substring(SCHEME.length()).strip();
  }
}
