package com.tmallbridge.sync;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.secret.FieldCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Inbox} on table {@code sync_inbox}. An offer first tries to insert (one statement for a
 * new record) and otherwise updates only an older row, or a row with the same {@code modified} but
 * different content. Both statements are atomic on their own, so two concurrent offers of one record cannot both win with the same or an older snapshot:
 * the loser's insert waits for the winner's commit and finds the row, and its conditional update
 * sees the winner's {@code modified}.
 *
 * <p>The snapshot is sealed ({@link FieldCipher}, context {@value #PAYLOAD}): it holds the buyer's
 * receiver. Sealing uses a random IV, so "same content" is decided on {@code payload_digest}, a keyed
 * HMAC of the clear text ({@link FieldCipher#digest}): the offered snapshot's digest under every key
 * of the ring is compared with the stored one, so a digest written before a key rotation still
 * matches. A row stored before sealing (no digest, payload in clear) is compared on the clear text,
 * as before; {@code keys reencrypt} seals it and writes its digest.
 */
final class JdbcInbox implements Inbox {
  /** The context the payload is sealed and digested with. */
  static final String PAYLOAD = "sync_inbox.payload";

  private static final String INSERT = """
      INSERT INTO sync_inbox (source, shop_id, external_id, modified, payload, payload_digest, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING""";
  private static final String SELECT = """
      SELECT modified, payload, received_at FROM sync_inbox
      WHERE source = :source AND shop_id = :shop AND external_id = :externalId""";

  private final JdbcTemplate template;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final FieldCipher cipher;
  /** The conditional update, with one placeholder per key of the ring. */
  private final String updateIfNewer;

  JdbcInbox(JdbcTemplate template, Clock clock, FieldCipher cipher) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
    this.clock = clock;
    this.cipher = cipher;
    this.updateIfNewer = """
        UPDATE sync_inbox SET modified = ?, payload = ?, payload_digest = ?, received_at = ?
        WHERE source = ? AND shop_id = ? AND external_id = ?
          AND (modified < ? OR (modified = ? AND (
            (payload_digest IS NULL AND payload <> ?) OR payload_digest NOT IN (%s))))"""
        .formatted(String.join(", ", Collections.nCopies(cipher.keyCount(), "?")));
  }

  @Override
  public boolean offer(String source, ShopId shop, String externalId, Instant modified, String payload) {
    return offerAll(source, shop, List.of(new Offered(externalId, modified, payload)))[0];
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
    List<List<String>> digests = new ArrayList<>(records.size());
    List<String> sealed = new ArrayList<>(records.size());
    for (Offered r : records) {
      List<String> d = cipher.digests(r.payload(), PAYLOAD);
      String s = cipher.seal(r.payload(), PAYLOAD);
      digests.add(d);
      sealed.add(s);
      inserts.add(new Object[] {source, shop.value(), Texts.require("externalId", r.externalId(), 128), Timestamps.toDb(r.modified()),
          s, d.get(0), now});
    }
    int[] inserted = template.batchUpdate(INSERT, inserts);
    List<Integer> existing = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (int i = 0; i < inserted.length; i++) {
      stored[i] = counted(inserted[i], records.get(i)) == 1;
      if (!stored[i]) {
        Offered r = records.get(i);
        Object modified = Timestamps.toDb(r.modified());
        existing.add(i);
        List<Object> args = new ArrayList<>(10 + digests.get(i).size());
        Collections.addAll(args, modified, sealed.get(i), digests.get(i).get(0), now, source, shop.value(), r.externalId(), modified,
            modified, r.payload());
        args.addAll(digests.get(i));
        updates.add(args.toArray());
      }
    }
    if (!updates.isEmpty()) {
      int[] updated = template.batchUpdate(updateIfNewer, updates);
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
        .query((rs, n) -> new Snapshot(Timestamps.read(rs, "modified"), cipher.open(rs.getString("payload"), PAYLOAD), Timestamps.read(rs, "received_at")))
        .optional();
  }
}
