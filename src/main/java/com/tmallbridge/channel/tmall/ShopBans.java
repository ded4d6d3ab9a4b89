package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.ShopId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The short flow-control bans TOP announced per shop ("This ban will last for N more seconds", N at
 * most {@code maxBanWait}), so that every call of the shop waits for the end of the ban one call
 * learnt of, instead of each thread calling into the ban, being refused and counting its own wait
 * from a later, rounded figure. A ban's end is the earliest end any answer announced (each answer
 * is an upper bound of the same ban); once it has passed, the next announcement starts a new one.
 * A call made at the end that is refused again brings the remaining seconds. Measured on the
 * monotonic {@link System#nanoTime()}, as waits are. Thread-safe; state is per process.
 */
final class ShopBans {
  private final Map<ShopId, Long> endNanos = new ConcurrentHashMap<>();
  private final Duration maxBanWait;
  private final long marginNanos;

  /**
   * @param maxBanWait longest ban waited for in the caller's thread; longer ones are not noted (the
   *     shop is paused instead)
   * @param margin added to the end before the next call goes out
   */
  ShopBans(Duration maxBanWait, Duration margin) {
    this.maxBanWait = maxBanWait;
    this.marginNanos = margin.toNanos();
  }

  /** Notes a ban of {@code length} announced now for {@code shop}; a longer one than {@code maxBanWait} is ignored. */
  void announced(ShopId shop, Duration length) {
    if (length.compareTo(maxBanWait) > 0) {
      return;
    }
    long now = System.nanoTime();
    long end = now + length.toNanos();
    endNanos.merge(shop, end, (known, announced) -> known - now > 0 ? Math.min(known, announced) : announced);
  }

  /**
   * Waits until the shop's known ban (if any) ended, plus the margin.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  void awaitEnd(ShopId shop) throws InterruptedException {
    Long end = endNanos.get(shop);
    if (end == null) {
      return;
    }
    long wait = end + marginNanos - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** The time left until the shop's known ban ends, plus the margin; zero when none is known. */
  Duration left(ShopId shop) {
    Long end = endNanos.get(shop);
    return end == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, end + marginNanos - System.nanoTime()));
  }
}
