package com.tmallbridge.console.api;

import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ApiToken;
import com.tmallbridge.console.ApiTokens;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.console.IssuedToken;
import com.tmallbridge.console.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's own API tokens: list, create (from a signed-in session only: a token cannot mint
 * tokens, so a leaked one cannot entrench itself), revoke (an admin may revoke anyone's). The
 * command line ({@code bridge user token …}) does the same for any user.
 */
@RestController
@ConditionalOnWebApplication
@Tag(name = "tokens")
class TokensApi {
  private final ApiTokens tokens;
  private final ActorContext actors;

  TokensApi(ApiTokens tokens, ActorContext actors) {
    this.tokens = tokens;
    this.actors = actors;
  }

  @GetMapping("/api/tokens")
  @Operation(summary = "The caller's API tokens (never the secrets)")
  List<ApiToken> list(@AuthenticationPrincipal ConsolePrincipal user) {
    return tokens.list(user.getUsername());
  }

  @PostMapping("/api/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an API token for the caller; the answer holds the token, shown this once",
      description = "Only from a signed-in session (with its CSRF token): a request authenticated by a token gets 403.")
  Created create(@AuthenticationPrincipal ConsolePrincipal user, @RequestBody(required = false) @Nullable NewToken request,
      HttpServletRequest http) {
    if (user.tokenLabel() != null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "an API token cannot create tokens: sign in to the console, or use 'bridge user token add'");
    }
    if (request == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "send a JSON body such as {\"label\": \"erp-export\", \"days\": 90}");
    }
    if (request.days() != null && (request.days() < 1 || request.days() > 3650)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be between 1 and 3650, got " + request.days());
    }
    String label = request.label() == null ? "" : request.label();
    IssuedToken issued = actors.as(Caller.actor(user, http),
        () -> tokens.create(user.getUsername(), label, request.days() == null ? null : Duration.ofDays(request.days())));
    return new Created(issued.token().id(), issued.token().label(), issued.token().expiresAt(), issued.secret());
  }

  @PostMapping("/api/tokens/{id}/revoke")
  @Operation(summary = "Revoke one of the caller's tokens (an admin: anyone's)",
      description = "404 when the token is unknown or another user's (for a non-admin).")
  ApiToken revoke(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, HttpServletRequest http) {
    boolean mine = tokens.list(user.getUsername()).stream().anyMatch(t -> t.id() == id);
    boolean anyones = user.role() == Role.ADMIN && tokens.list(null).stream().anyMatch(t -> t.id() == id);
    if (!mine && !anyones) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no API token #" + id + " of yours");
    }
    return actors.as(Caller.actor(user, http), () -> tokens.revoke(id));
  }

  /**
   * A token to create.
   *
   * @param label a name, unique among the caller's tokens (letters, digits, {@code . _ -})
   * @param days days until it expires, null for no expiry
   */
  public record NewToken(@Nullable String label, @Nullable Integer days) {}

  /**
   * A token just created.
   *
   * @param id its id
   * @param label its name
   * @param expiresAt when it expires, null for never
   * @param token the bearer token: shown this once, stored only as its hash
   */
  public record Created(long id, String label, @Nullable Instant expiresAt, String token) {}
}
