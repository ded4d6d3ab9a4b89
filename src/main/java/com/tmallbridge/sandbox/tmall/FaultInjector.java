package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Decides, per gateway call and at random from the seed, which fault to inject, and counts what it
 * injected. Bans are timed on the sandbox clock: while one lasts every call is refused with code 7
 * and the seconds left. Thread-safe.
 */
final class FaultInjector {
  /** What a call suffers; the names are the keys of {@link #injected()}. */
  enum Kind {
    BAN_STARTED("banStarted"),
    BAN_REFUSED("banRefused"),
    ISP_ERROR("ispError"),
    SERVICE_UNAVAILABLE("serviceUnavailable"),
    TRUNCATED_BODY("truncatedBody"),
    HTML_ERROR_PAGE("htmlErrorPage"),
    PARTIAL_LIST("partialList"),
    DELAYED_RESPONSE("delayedResponse");

    private final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  /** How the body of an otherwise normal answer is broken. */
  enum Malformation {
    NONE,
    TRUNCATED_JSON,
    HTML_502
  }

  /** The fault for one call: an error to answer instead, or a body malformation, or nothing. */
  record Decision(@Nullable TopError error, Malformation malformation) {
    static final Decision NONE = new Decision(null, Malformation.NONE);
  }

  private static final String[][] SERVER_ERRORS = {
    {"15", "Remote service error", "isp.top-remote-connection-timeout", "remote service timed out"},
    {
      "15",
      "Remote service error",
      "isp.top-remote-service-unavailable",
      "remote service unavailable"
    },
    {
      "15",
      "Remote service error",
      "isp.top-remote-connection-timeout-tmall",
      "tmall service timed out"
    },
    {"15", "Remote service error", "isp.unknown-error", "unknown error, please retry"},
    {"10", "Service Currently Unavailable", "isp.top-remote-unknown-error", "service busy"}
  };

  private final Clock clock;
  private final SplittableRandom random;
  private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
  private FaultSettings settings;
  private @Nullable Instant bannedUntil;

  FaultInjector(FaultSettings settings, Clock clock, long seed) {
    this.settings = settings;
    this.clock = clock;
    this.random = new SplittableRandom(seed);
  }

  synchronized FaultSettings settings() {
    return settings;
  }

  /** Replaces the settings and lifts a ban in progress. */
  synchronized void settings(FaultSettings newSettings) {
    settings = newSettings;
    bannedUntil = null;
  }

  /** The fault for a call to {@code method}; counts it. */
  synchronized Decision decide(String method) {
    Instant now = clock.instant();
    if (bannedUntil != null && now.isBefore(bannedUntil)) {
      count(Kind.BAN_REFUSED);
      return new Decision(ban(Duration.between(now, bannedUntil)), Malformation.NONE);
    }
    if (roll(settings.banRate())) {
      int span = settings.banMaxSeconds() - settings.banMinSeconds() + 1;
      Duration length = Duration.ofSeconds(settings.banMinSeconds() + random.nextInt(span));
      bannedUntil = now.plus(length);
      count(Kind.BAN_STARTED);
      return new Decision(ban(length), Malformation.NONE);
    }
    if (roll(settings.errorRateFor(method))) {
      String[] error = SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)];
      int code = Integer.parseInt(error[0]);
      count(code == 10 ? Kind.SERVICE_UNAVAILABLE : Kind.ISP_ERROR);
      return new Decision(TopError.of(code, error[1], error[2], error[3]), Malformation.NONE);
    }
    if (roll(settings.malformedRate())) {
      boolean html = random.nextBoolean();
      count(html ? Kind.HTML_ERROR_PAGE : Kind.TRUNCATED_BODY);
      return new Decision(null, html ? Malformation.HTML_502 : Malformation.TRUNCATED_JSON);
    }
    return Decision.NONE;
  }

  /** Whether the next trade list entry loses its {@code orders}; counts it. */
  synchronized boolean partialListEntry() {
    boolean partial = roll(settings.partialListRate());
    if (partial) {
      count(Kind.PARTIAL_LIST);
    }
    return partial;
  }

  /** The latency to add to a response; counts the delayed responses. */
  synchronized long latencyMillis() {
    if (settings.latencyMillis() > 0) {
      count(Kind.DELAYED_RESPONSE);
    }
    return settings.latencyMillis();
  }

  /** A random cut point for a truncated body of the given length (at least one byte shorter). */
  synchronized int cutPoint(int length) {
    return length <= 1 ? 0 : 1 + random.nextInt(length - 1);
  }

  /** Injected faults so far by kind, e.g. {@code ispError=12}. */
  synchronized Map<String, Long> injected() {
    Map<String, Long> snapshot = new TreeMap<>();
    for (Kind kind : Kind.values()) {
      snapshot.put(kind.key, counts.getOrDefault(kind, 0L));
    }
    return snapshot;
  }

  private boolean roll(double probability) {
    return probability > 0 && random.nextDouble() < probability;
  }

  private void count(Kind kind) {
    counts.merge(kind, 1L, Long::sum);
  }

  private static TopError ban(Duration left) {
    long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
    return TopError.of(
        7,
        "App Call Limited",
        "accesscontrol.limited-by-app-api-access-count",
        "This ban will last for " + seconds + " more seconds");
  }
}
