package com.tmallbridge.shop;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.ShopProbe;
import com.tmallbridge.core.ShopId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facade of the shop module: add, list and check shops; record their authorisation state. */
@Service
public class ShopManagement {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Set<String> SIGN_METHODS = Set.of("md5", "hmac", "hmac-sha256");
  private static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");

  private final ShopRepository shops;
  private final ShopProbe probe;
  private final AuditLog audit;
  private final Clock clock;

  ShopManagement(ShopRepository shops, ShopProbe probe, AuditLog audit, Clock clock) {
    this.shops = shops;
    this.probe = probe;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Adds a shop, or updates the one with the same code (new credentials also clear a
   * "needs re-authorisation" state; the first-pull start of an existing shop never changes).
   * Recorded in the audit log with the settings before and after, secrets masked.
   *
   * @throws InvalidShopException when a value is invalid; the message names it
   */
  @Transactional
  public Shop add(ShopRegistration registration) {
    Instant now = clock.instant();
    Instant since = validate(registration, now);
    Optional<Shop> before = shops.findByCode(registration.code());
    if (before.isPresent()) {
      shops.update(registration, now);
    } else {
      shops.insert(registration, since, now);
    }
    Shop after = shops.findByCode(registration.code()).orElseThrow();
    audit.record(AuditEvent.change(AuditAction.SHOP_CHANGE, "shop:" + after.code(), before.map(s -> auditText(s, null)).orElse(null),
        auditText(after, before.orElse(null))));
    return after;
  }

  /** A shop's settings for the audit log: secrets never in clear, only whether they changed. */
  private static String auditText(Shop shop, @Nullable Shop before) {
    ShopCredentials c = shop.credentials();
    String secret = before == null ? "set" : before.credentials().appSecret().equals(c.appSecret()) ? "unchanged" : "changed";
    String session = before == null ? "set" : before.credentials().sessionKey().equals(c.sessionKey()) ? "unchanged" : "changed";
    return "name=" + shop.name() + ", gateway=" + c.gatewayUrl() + ", appKey=" + c.appKey() + ", signMethod=" + c.signMethod()
        + ", appSecret=**** (" + secret + "), sessionKey=**** (" + session + "), status=" + shop.status();
  }

  public List<Shop> list() {
    return shops.findAll();
  }

  public Optional<Shop> find(ShopId id) {
    return shops.findById(id);
  }

  public Optional<Shop> findByCode(String code) {
    return shops.findByCode(code);
  }

  /** Calls the shop's API once with its credentials. */
  public ShopProbe.ProbeResult check(Shop shop) {
    return probe.probe(shop.credentials());
  }

  /** Stops calling the shop until new credentials are added. */
  @Transactional
  public void markNeedsReauthorisation(ShopId id, String detail) {
    shops.setStatus(id, ShopStatus.NEEDS_REAUTH, detail, null, clock.instant());
  }

  /**
   * What a failed call to the shop's channel means for the shop: a flow-control ban pauses it until
   * the ban ends (now when Tmall did not say), lost authorisation stops it until new credentials
   * come; a retryable or permanent failure changes nothing.
   *
   * @return whether the failure is transient (retryable or a ban): the work should be tried again later
   */
  public boolean recordFailure(ShopId id, ChannelException e) {
    switch (e.kind()) {
      case BANNED -> pauseUntil(id, e.retryAfter() == null ? clock.instant() : e.retryAfter(), e.getMessage());
      case NEEDS_REAUTHORISATION -> markNeedsReauthorisation(id, e.getMessage());
      case RETRYABLE, PERMANENT -> { }
    }
    return e.kind() == ChannelException.Kind.RETRYABLE || e.kind() == ChannelException.Kind.BANNED;
  }

  /** Stops calling the shop until {@code until} (a flow-control ban). */
  @Transactional
  public void pauseUntil(ShopId id, Instant until, String detail) {
    shops.setStatus(id, ShopStatus.PAUSED, detail, until, clock.instant());
  }

  /** Marks a paused shop active again. */
  @Transactional
  public void resume(ShopId id) {
    shops.setStatus(id, ShopStatus.ACTIVE, null, null, clock.instant());
  }

  private Instant validate(ShopRegistration r, Instant now) {
    if (!CODE.matcher(r.code()).matches()) {
      throw new InvalidShopException(
          "shop code '" + r.code() + "' is invalid: use 1-32 letters, digits, '-' or '_'");
    }
    requireText(r.name(), "--name");
    requireText(r.appKey(), "--app-key");
    requireText(r.appSecret(), "the app secret");
    requireText(r.sessionKey(), "the session key");
    checkGateway(r.gatewayUrl());
    if (!SIGN_METHODS.contains(r.signMethod())) {
      throw new InvalidShopException(
          "sign method '" + r.signMethod() + "' is not supported: use md5, hmac or hmac-sha256");
    }
    return checkSince(r.since(), now);
  }

  private static Instant checkSince(@Nullable Instant since, Instant now) {
    if (since == null) {
      return now.minus(Duration.ofDays(1));
    }
    Instant horizon = now.atZone(TMALL_ZONE).minusMonths(3).toInstant();
    if (since.isBefore(horizon)) {
      throw new InvalidShopException(
          "--since " + since + " is more than 3 months back: Tmall keeps 3 months of incremental history;"
              + " use a later start");
    }
    if (since.isAfter(now)) {
      throw new InvalidShopException("--since " + since + " is in the future: use a past time");
    }
    return since;
  }

  private static void checkGateway(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidShopException("--gateway '" + url + "' is not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new InvalidShopException(
          "--gateway '" + url + "' must be an http(s) URL such as https://eco.taobao.com/router/rest");
    }
  }

  private static void requireText(@Nullable String value, String option) {
    if (value == null || value.isBlank()) {
      throw new InvalidShopException(option + " must not be empty");
    }
  }
}
