package com.tmallbridge.sync;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.Optional;

/**
 * Raw snapshots of external records (e.g. Tmall trades), one row per (source, shop, external id),
 * replaced only by a strictly newer snapshot. Calls join the caller's transaction.
 */
public interface Inbox {

  /**
   * Stores the snapshot when none is stored or the stored one is older than {@code modified}.
   *
   * @return true when the snapshot was stored (it is new or newer); false when it is a replay or
   *     older than what is stored and must not be applied
   */
  boolean offer(String source, ShopId shop, String externalId, Instant modified, String payload);

  /** The stored snapshot. */
  Optional<Snapshot> get(String source, ShopId shop, String externalId);

  /**
   * A stored snapshot.
   *
   * @param modified the external record's modified time
   * @param payload raw text as received
   * @param receivedAt when it was stored
   */
  record Snapshot(Instant modified, String payload, Instant receivedAt) {}
}
