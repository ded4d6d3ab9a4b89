package com.tmallbridge.sync;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.Optional;

/** High-water marks per (source, stream, shop), e.g. ({@code tmall}, {@code trades}, 1). */
public interface Checkpoints {

  /** The stored mark, empty before the first advance. */
  Optional<Instant> get(String source, String stream, ShopId shop);

  /**
   * Stores {@code mark}. Call it in the transaction that commits the work up to the mark. A mark
   * older than the stored one is ignored (checkpoints never move back by accident).
   */
  void advance(String source, String stream, ShopId shop, Instant mark);

  /** Sets the mark to any value, also backwards: for an operator re-running a period. */
  void reset(String source, String stream, ShopId shop, Instant mark);

  /** Every stored mark, by source, stream and shop: how far each stream has read (the console's sync lag). */
  java.util.List<Mark> all();

  /**
   * One stored mark.
   *
   * @param source e.g. {@code tmall}
   * @param stream e.g. {@code trades}
   * @param shop the shop
   * @param mark how far the stream has read
   * @param updatedAt when the mark last moved
   */
  record Mark(String source, String stream, ShopId shop, Instant mark, Instant updatedAt) {}
}
