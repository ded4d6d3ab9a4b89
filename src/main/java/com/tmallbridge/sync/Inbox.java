package com.tmallbridge.sync;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Raw snapshots of external records (e.g. Tmall trades), one row per (source, shop, external id),
 * replaced by a newer snapshot, or by a different one with the same modified time: TOP's modified
 * time has second precision, so two changes within one second share it (a trade created and paid
 * in the same second); since the channel is re-read with an overlap, the latest version wins in the
 * end. An identical replay is never applied. Calls join the caller's transaction.
 */
public interface Inbox {

  /**
   * Stores the snapshot when none is stored, the stored one is older than {@code modified}, or the
   * stored one has the same modified time but other content.
   *
   * @return true when the snapshot was stored and must be applied; false when it is an identical
   *     replay or older than what is stored and must not be applied
   */
  boolean offer(String source, ShopId shop, String externalId, Instant modified, String payload);

  /**
   * {@link #offer} for several records of one source and shop, with the same answers as offers one
   * after the other in list order would give, in as few statements as the implementation can.
   *
   * @return per record, in list order, whether it was stored and must be applied
   */
  default boolean[] offerAll(String source, ShopId shop, List<Offered> records) {
    boolean[] stored = new boolean[records.size()];
    for (int i = 0; i < records.size(); i++) {
      Offered r = records.get(i);
      stored[i] = offer(source, shop, r.externalId(), r.modified(), r.payload());
    }
    return stored;
  }

  /**
   * A snapshot offered with {@link #offerAll}.
   *
   * @param payload raw text as received
   */
  record Offered(String externalId, Instant modified, String payload) {}

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
