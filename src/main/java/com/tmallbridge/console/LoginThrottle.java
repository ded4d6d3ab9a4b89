package com.tmallbridge.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed console logins per source address in a sliding window, so that one address cannot try
 * password after password across many user names (the per-user lockout of {@link UserManagement}
 * only stops guesses at one name). Once an address has {@link ConsoleProperties#maxFailedLoginsPerAddress()}
 * failures within {@link ConsoleProperties#addressWindow()}, its logins are refused before any
 * password is checked until the oldest failure leaves the window. A successful login does not clear
 * an address's failures (an attacker with one account of their own could otherwise reset the count).
 *
 * <p>Memory is bounded: at most {@link #MAX_ADDRESSES} addresses are tracked (the least recently
 * failing one is forgotten first), each with at most the limit's number of instants. Kept in
 * memory: a restart forgets the window (the per-user lockout, kept in the database, does not).
 * Thread-safe.
 */
final class LoginThrottle {
  /** Addresses tracked at most. */
  static final int MAX_ADDRESSES = 10_000;

  /** Refusals of one address recorded in the audit log at most once this often. */
  static final Duration REFUSAL_RECORD_EVERY = Duration.ofMinutes(1);

  private final Clock clock;
  private final int limit;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  private final Map<String, Instant> recorded = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  LoginThrottle(Clock clock, ConsoleProperties properties) {
    this.clock = clock;
    this.limit = properties.maxFailedLoginsPerAddress();
    this.window = properties.addressWindow();
  }

  /**
   * Whether a refusal of {@code address} now should go to the audit log: the first refusal of an
   * address and then at most one a minute, so a throttled script cannot flood the log.
   */
  synchronized boolean recordRefusal(String address) {
    Instant now = clock.instant();
    Instant last = recorded.get(address);
    if (last != null && last.plus(REFUSAL_RECORD_EVERY).isAfter(now)) {
      return false;
    }
    recorded.put(address, now);
    return true;
  }

  /** Counts a failed login from {@code address}. */
  synchronized void failed(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    expire(times, now);
    times.addLast(now);
    while (times.size() > limit) {
      times.removeFirst();
    }
  }

  /**
   * Whether {@code address} may try a login now.
   *
   * @return empty when it may; else how long until it may try again
   */
  synchronized Optional<Duration> refusedFor(String address) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    expire(times, now);
    if (times.isEmpty()) {
      failures.remove(address);
      return Optional.empty();
    }
    if (times.size() < limit) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
  }

  private void expire(Deque<Instant> times, Instant now) {
    Instant oldest = now.minus(window);
    for (Iterator<Instant> it = times.iterator(); it.hasNext(); ) {
      if (it.next().isAfter(oldest)) {
        return;
      }
      it.remove();
    }
  }
}
