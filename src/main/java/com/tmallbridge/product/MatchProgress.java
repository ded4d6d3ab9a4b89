package com.tmallbridge.product;

/** Receives progress of a long product match; called on the matching thread. */
@FunctionalInterface
public interface MatchProgress {
  MatchProgress NONE = (phase, done, total) -> { };

  /**
   * @param phase what is happening, e.g. {@code listing items on sale}, {@code reading SKUs}
   * @param done units done in this phase
   * @param total units in this phase, or -1 while unknown
   */
  void update(String phase, int done, int total);
}
