package com.tmallbridge.sync;

import com.tmallbridge.core.ShopId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Inbox} on table {@code sync_inbox}. An offer first tries to insert (one statement for a
 * new record) and otherwise updates only an older row, or a row with the same {@code modified} but
 * different content (the stored text compared with the offered one, in the row: no digest of every
 * snapshot offered). Both statements are atomic on their own, so two concurrent offers of one record cannot both win with the same or an older snapshot:
 * the loser's insert waits for the winner's commit and finds the row, and its conditional update
 * sees the winner's {@code modified}.
 */
final class JdbcInbox implements Inbox {
  private static final String INSERT = """
      INSERT INTO sync_inbox (source, shop_id, external_id, modified, payload, received_at)
      VALUES (:source, :shop, :externalId, :modified, :payload, :now)
      ON CONFLICT DO NOTHING""";
  private static final String UPDATE_IF_NEWER = """
      UPDATE sync_inbox SET modified = :modified, payload = :payload, received_at = :now
      WHERE source = :source AND shop_id = :shop AND external_id = :externalId
        AND (modified < :modified OR (modified = :modified AND payload <> :payload))""";
  private static final String SELECT = """
      SELECT modified, payload, received_at FROM sync_inbox
      WHERE source = :source AND shop_id = :shop AND external_id = :externalId""";

  /** {@link #INSERT} with positional parameters, for batches. */
  private static final String INSERT_POSITIONAL = """
      INSERT INTO sync_inbox (source, shop_id, external_id, modified, payload, received_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING""";
  /** {@link #UPDATE_IF_NEWER} with positional parameters, for batches. */
  private static final String UPDATE_IF_NEWER_POSITIONAL = """
      UPDATE sync_inbox SET modified = ?, payload = ?, received_at = ?
      WHERE source = ? AND shop_id = ? AND external_id = ?
        AND (modified < ? OR (modified = ? AND payload <> ?))""";

  private final JdbcTemplate template;
  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcInbox(JdbcTemplate template, Clock clock) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
    this.clock = clock;
  }

  @Override
  public boolean offer(String source, ShopId shop, String externalId, Instant modified, String payload) {
    Map<String, Object> params = Map.of(
        "source", Texts.require("source", source, 32),
        "shop", shop.value(),
        "externalId", Texts.require("externalId", externalId, 128),
        "modified", Timestamps.toDb(modified),
        "payload", payload,
        "now", Timestamps.toDb(clock.instant()));
    return jdbc.sql(INSERT).params(params).update() == 1
        || jdbc.sql(UPDATE_IF_NEWER).params(params).update() == 1;
  }

  /**
   * One batch of inserts in list order, then one batch of conditional updates, in list order, for the
   * records whose row existed (or was inserted earlier in the list): the same answers as offers one by
   * one, since only the first insert of an id can succeed and each update sees the ones before it.
   *
   * @throws IllegalStateException when the driver does not report each statement's count
   */
  @Override
  public boolean[] offerAll(String source, ShopId shop, List<Offered> records) {
    Texts.require("source", source, 32);
    boolean[] stored = new boolean[records.size()];
    if (records.isEmpty()) {
      return stored;
    }
    Object now = Timestamps.toDb(clock.instant());
    List<Object[]> inserts = new ArrayList<>(records.size());
    for (Offered r : records) {
      inserts.add(new Object[] {source, shop.value(), Texts.require("externalId", r.externalId(), 128), Timestamps.toDb(r.modified()),
          r.payload(), now});
    }
    int[] inserted = template.batchUpdate(INSERT_POSITIONAL, inserts);
    List<Integer> existing = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (int i = 0; i < inserted.length; i++) {
      stored[i] = counted(inserted[i], records.get(i)) == 1;
      if (!stored[i]) {
        Offered r = records.get(i);
        Object modified = Timestamps.toDb(r.modified());
        existing.add(i);
        updates.add(new Object[] {modified, r.payload(), now, source, shop.value(), r.externalId(), modified, modified, r.payload()});
      }
    }
    if (!updates.isEmpty()) {
      int[] updated = template.batchUpdate(UPDATE_IF_NEWER_POSITIONAL, updates);
      for (int j = 0; j < updated.length; j++) {
        stored[existing.get(j)] = counted(updated[j], records.get(existing.get(j))) == 1;
      }
    }
    return stored;
  }

  private static int counted(int count, Offered record) {
    if (count < 0) {
      throw new IllegalStateException("the JDBC driver did not report whether snapshot " + record.externalId() + " was stored");
    }
    return count;
  }

  @Override
  public Optional<Snapshot> get(String source, ShopId shop, String externalId) {
    return jdbc.sql(SELECT)
        .param("source", source)
        .param("shop", shop.value())
        .param("externalId", externalId)
        .query((rs, n) -> new Snapshot(Timestamps.read(rs, "modified"), rs.getString("payload"), Timestamps.read(rs, "received_at")))
        .optional();
  }
}
