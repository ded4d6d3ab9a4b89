package com.tmallbridge.console;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console users: add, list, change a password, disable; the first admin of a new installation; and
 * the login bookkeeping (failed logins, lockout). Every change and every login outcome is recorded
 * in the audit log; passwords are stored only as hashes ({@link PasswordEncoder}, bcrypt by
 * default) and never appear in the log.
 */
@Service
public class UserManagement {
  /** Shortest password accepted. */
  public static final int MIN_PASSWORD = 12;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final ConsoleProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  UserManagement(UserRepository users, PasswordEncoder encoder, AuditLog audit, ConsoleProperties properties, Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Adds a user.
   *
   * @throws IllegalArgumentException when the name is malformed or taken, or the password is shorter than {@link #MIN_PASSWORD}
   */
  @Transactional
  public ConsoleUser add(String username, Role role, ShopScope scope, String password) {
    if (!USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException("username '" + username + "' must be 1 to 64 letters, digits or . _ @ -");
    }
    if (users.find(username).isPresent()) {
      throw new IllegalArgumentException("user '" + username + "' exists already");
    }
    checkPassword(password);
    users.insert(username, encoder.encode(password), role, scope, clock.instant());
    audit.record(AuditEvent.change(AuditAction.USER_CHANGE, "user:" + username, null, "role=" + role + ", shops=" + scope + ", enabled"));
    return users.find(username).orElseThrow();
  }

  public List<ConsoleUser> list() {
    return users.list();
  }

  public Optional<ConsoleUser> find(String username) {
    return users.find(username);
  }

  /** Sets a new password and clears any lockout. */
  @Transactional
  public void changePassword(String username, String password) {
    existing(username);
    checkPassword(password);
    users.setPassword(username, encoder.encode(password));
    audit.record(AuditEvent.change(AuditAction.USER_CHANGE, "user:" + username, "password ****", "password **** (changed)"));
  }

  /** Disables a user: no further login (sessions already open end at their next request). */
  @Transactional
  public void disable(String username) {
    ConsoleUser user = existing(username);
    users.setEnabled(username, false);
    audit.record(AuditEvent.change(AuditAction.USER_CHANGE, "user:" + username, user.enabled() ? "enabled" : "disabled", "disabled"));
  }

  /**
   * Creates the user {@code admin} with a random password when there is no user at all, so that a
   * new installation can be logged into.
   *
   * @return the generated password, to be shown once; empty when users exist already
   */
  @Transactional
  public Optional<String> createFirstAdmin() {
    if (users.count() > 0) {
      return Optional.empty();
    }
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    add("admin", Role.ADMIN, ShopScope.everyShop(), password.toString());
    return Optional.of(password.toString());
  }

  /** The stored hash of an enabled or disabled user, for the login. */
  Optional<String> passwordHash(String username) {
    return users.passwordHash(username);
  }

  /** Records a successful login: clears the failure count. */
  @Transactional
  public void loginSucceeded(String username, String source) {
    users.clearFailures(username);
    audit.record(new Actor(username, source), new AuditEvent(AuditAction.LOGIN, "user:" + username, "OK", null, null));
  }

  /**
   * Records a refused login. For a known user the failure is counted and, at
   * {@code bridge.console.max-failed-logins} in a row, the user is locked out for
   * {@code bridge.console.lockout} (recorded as outcome {@code LOCKED}).
   *
   * @param reason why it was refused, e.g. {@code BAD_CREDENTIALS}, {@code LOCKED}, {@code DISABLED}
   */
  @Transactional
  public void loginFailed(String username, String source, String reason) {
    String name = username.isBlank() ? "(blank)" : username.length() > 64 ? username.substring(0, 64) : username;
    Actor actor = new Actor(name, source);
    audit.record(actor, new AuditEvent(AuditAction.LOGIN_FAILED, "user:" + name, reason, null, null));
    if (!"BAD_CREDENTIALS".equals(reason) || users.find(username).isEmpty()) {
      return;
    }
    int failures = users.countFailure(username);
    if (failures >= properties.maxFailedLogins()) {
      Instant until = clock.instant().plus(properties.lockout());
      users.lock(username, until);
      audit.record(actor, new AuditEvent(AuditAction.LOGIN_FAILED, "user:" + name, "LOCKED", null, "locked until " + until));
    }
  }

  /** The current time, for lockout checks. */
  Instant now() {
    return clock.instant();
  }

  private ConsoleUser existing(String username) {
    return users.find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "' (see 'bridge user list')"));
  }

  private static void checkPassword(String password) {
    if (password.length() < MIN_PASSWORD) {
      throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD + " characters");
    }
  }
}
