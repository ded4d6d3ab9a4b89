package com.tmallbridge.console;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a console user's credential for scripts calling {@code /api} without a
 * browser session. A token is {@code tbk_} followed by 32 random bytes in Base64url (43
 * characters); only its SHA-256 is stored (a salt or a slow hash adds nothing for 256 random bits),
 * so the token is shown once, when created. A token acts with its user's role and shops as they are
 * at each request; it stops working when revoked, when it expires, or when its user is disabled (a
 * password lockout does not stop it: the lockout guards the password, not the token).
 *
 * <p>Creating and revoking a token are recorded as {@code USER_CHANGE}; a request with an unknown,
 * revoked or expired token, or a token of a disabled user, is recorded as {@code LOGIN_FAILED} with
 * the remote address, as a refused login is. Successful uses are not logged one by one: the token
 * keeps its last use (time and address, to the minute).
 */
@Service
public class ApiTokens {
  /** Prefix of every token: lets secret scanners and people recognise one. */
  public static final String PREFIX = "tbk_";
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

  private final ApiTokenRepository tokens;
  private final UserRepository users;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(ApiTokenRepository tokens, UserRepository users, AuditLog audit, Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates a token for {@code username}.
   *
   * @param label a name for the token, unique among the user's tokens (letters, digits, {@code . _ -})
   * @param validity how long it works, null for no expiry
   * @return the record and the secret, to be shown once
   * @throws IllegalArgumentException for an unknown or disabled user, a malformed or taken label, or a validity that is not positive
   */
  @Transactional
  public IssuedToken create(String username, String label, @Nullable Duration validity) {
    ConsoleUser user = users.find(username)
        .orElseThrow(() -> new IllegalArgumentException("no user '" + username + "' (see 'bridge user list')"));
    if (!user.enabled()) {
      throw new IllegalArgumentException("user '" + username + "' is disabled");
    }
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("token label '" + label + "' must be 1 to 64 letters, digits or . _ -");
    }
    if (validity != null && (validity.isNegative() || validity.isZero())) {
      throw new IllegalArgumentException("a token's validity must be positive, got " + validity);
    }
    if (tokens.labelTaken(user.id(), label)) {
      throw new IllegalArgumentException("user '" + username + "' has a token labelled '" + label + "' already");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expires = validity == null ? null : now.plus(validity);
    long id = tokens.insert(user.id(), label, sha256(secret), now, expires);
    audit.record(AuditEvent.change(AuditAction.USER_CHANGE, target(username, label), null,
        "api token #" + id + " created" + (expires == null ? ", no expiry" : ", expires " + expires)));
    return new IssuedToken(tokens.find(id).orElseThrow(), secret);
  }

  /** Tokens of {@code username}, or of every user when null; never the secrets. */
  public List<ApiToken> list(@Nullable String username) {
    return tokens.list(username);
  }

  /**
   * Revokes a token: from now on it authenticates nothing. Revoking a revoked token changes nothing.
   *
   * @throws IllegalArgumentException for an unknown id
   */
  @Transactional
  public ApiToken revoke(long id) {
    ApiToken token = tokens.find(id).orElseThrow(() -> new IllegalArgumentException("no API token #" + id + " (see 'bridge user token list')"));
    if (token.revokedAt() == null) {
      tokens.revoke(id, clock.instant());
      audit.record(AuditEvent.change(AuditAction.USER_CHANGE, target(token.username(), token.label()), "api token #" + id + " active",
          "api token #" + id + " revoked"));
    }
    return tokens.find(id).orElseThrow();
  }

  /**
   * The principal a bearer token stands for, or empty (and a {@code LOGIN_FAILED} entry) when the
   * token is unknown, revoked, expired, or its user is disabled.
   *
   * @param secret the token as sent in {@code Authorization: Bearer …}
   * @param source the request's remote address
   */
  @Transactional
  public Optional<ConsolePrincipal> authenticate(String secret, String source) {
    String hash = sha256(secret);
    Optional<ApiToken> found = SHAPE.matcher(secret).matches() ? tokens.findByHash(hash) : Optional.empty();
    if (found.isEmpty()) {
      refuse(new Actor("(api token)", source), "token:sha256:" + hash.substring(0, 12), "BAD_TOKEN");
      return Optional.empty();
    }
    ApiToken token = found.get();
    Instant now = clock.instant();
    Actor actor = new Actor(token.username(), source);
    ApiToken.Status status = token.statusAt(now);
    if (status != ApiToken.Status.ACTIVE) {
      refuse(actor, target(token.username(), token.label()), status == ApiToken.Status.REVOKED ? "REVOKED_TOKEN" : "EXPIRED_TOKEN");
      return Optional.empty();
    }
    Optional<ConsoleUser> user = users.find(token.username()).filter(ConsoleUser::enabled);
    if (user.isEmpty()) {
      refuse(actor, target(token.username(), token.label()), "DISABLED");
      return Optional.empty();
    }
    tokens.touch(token.id(), now, source.length() > 64 ? source.substring(0, 64) : source);
    return Optional.of(ConsolePrincipal.viaToken(user.get(), token.label()));
  }

  private void refuse(Actor actor, String target, String outcome) {
    audit.record(actor, new AuditEvent(AuditAction.LOGIN_FAILED, target, outcome, null, null));
  }

  private static String target(String username, String label) {
    return "token:" + username + "/" + label;
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
