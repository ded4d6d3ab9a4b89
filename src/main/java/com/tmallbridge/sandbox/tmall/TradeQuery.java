package com.tmallbridge.sandbox.tmall;

import java.time.Instant;

/**
 * One page of trades in an inclusive time window on one axis, restricted to index categories.
 *
 * @param axis which time the window applies to (and the sort order: that time descending)
 * @param from first second of the window, inclusive
 * @param to last second of the window, inclusive
 * @param categories sorted category ids, see {@link TradeRecord#categories}
 * @param offset zero-based position of the first trade of the page
 * @param limit page size
 */
record TradeQuery(Axis axis, Instant from, Instant to, int[] categories, int offset, int limit) {

  /** The time a trade list is selected and sorted by. */
  enum Axis {
    MODIFIED,
    CREATED
  }
}
