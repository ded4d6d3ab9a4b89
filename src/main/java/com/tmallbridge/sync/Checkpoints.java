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
}
