package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.ShopId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The short flow-control bans TOP announced per shop ("This ban will last for N more seconds", N at
 * most {@code maxBanWait}), so that every call of the shop waits for the end of the ban one call
 * learnt of, instead of each thread calling into the ban, being refused and counting its own wait
 * from a later, rounded figure. A ban's end is the earliest end any answer announced (each answer
 * is an upper bound of the same ban); once it has passed, the next announcement starts a new one.
 *
 * <p>At the announced end one call of the shop goes out first, the probe ({@link #awaitTurn}); the
 * shop's other calls wait for its answer: no ban in it ({@link #over}) lets them all go at once, a
 * ban announced again ({@link #announced}) holds them for the new remaining time. So on a platform
 * that rounds the remaining seconds up no call waits longer than the ban, and on one that rounds
 * them down only the probe is refused. A probe that has not answered within {@code margin} of the
 * end no longer holds the others (they go out as if the ban were over). Measured on the monotonic
 * {@link System#nanoTime()}, as waits are. Thread-safe; state is per process.
 */
final class ShopBans {
  /** Guarded by {@code this}. */
  private final Map<ShopId, Ban> bans = new HashMap<>();
  private final Duration maxBanWait;
  private final long marginNanos;

  /** One ban of a shop. Guarded by the enclosing {@link ShopBans}. */
  static final class Ban {
    private long endNanos;
    private boolean probing;

    private Ban(long endNanos) {
      this.endNanos = endNanos;
    }
  }

  /**
   * @param maxBanWait longest ban waited for in the caller's thread; longer ones are not noted (the
   *     shop is paused instead)
   * @param margin how long after a ban's end the shop's calls wait for the probe's answer at most
   */
  ShopBans(Duration maxBanWait, Duration margin) {
    this.maxBanWait = maxBanWait;
    this.marginNanos = margin.toNanos();
  }

  /**
   * Notes a ban of {@code length} announced now for {@code shop}, and wakes the calls waiting for
   * it to recount their wait.
   *
   * @return whether it was noted: false for a ban longer than {@code maxBanWait}, which is ignored
   */
  synchronized boolean announced(ShopId shop, Duration length) {
    if (length.compareTo(maxBanWait) > 0) {
      return false;
    }
    long now = System.nanoTime();
    long end = now + length.toNanos();
    Ban known = bans.get(shop);
    if (known == null || known.endNanos - now <= 0) {
      bans.put(shop, new Ban(end)); // a new ban; a probe of the ended one no longer holds anyone
    } else {
      known.endNanos = Math.min(known.endNanos, end);
    }
    notifyAll();
    return true;
  }

  /**
   * Waits until the shop's known ban (if any) has ended and this call may go out: as the probe
   * (the first call at the end), or once the probe answered without a ban, or {@code margin} after
   * the end.
   *
   * @return the ban this call probes — pass it to {@link #over} when the answer was no ban — or
   *     null when this call is not the probe
   * @throws InterruptedException when interrupted while waiting
   */
  synchronized @Nullable Ban awaitTurn(ShopId shop) throws InterruptedException {
    while (true) {
      Ban ban = bans.get(shop);
      if (ban == null) {
        return null;
      }
      long toEnd = ban.endNanos - System.nanoTime();
      if (toEnd > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, toEnd);
        continue;
      }
      if (!ban.probing) {
        ban.probing = true;
        return ban;
      }
      long toGiveUp = toEnd + marginNanos;
      if (toGiveUp <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, toGiveUp);
    }
  }

  /**
   * The probe of {@code ban} got an answer that was no ban (or no answer at all): the ban is over
   * and the calls waiting for it go out. Does nothing when a newer ban replaced it meanwhile.
   */
  synchronized void over(ShopId shop, Ban ban) {
    if (bans.get(shop) == ban) {
      bans.remove(shop);
    }
    notifyAll();
  }

  /** The time left until the shop's known ban ends, plus the margin; zero when none is known. */
  synchronized Duration left(ShopId shop) {
    Ban ban = bans.get(shop);
    return ban == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, ban.endNanos + marginNanos - System.nanoTime()));
  }
}
