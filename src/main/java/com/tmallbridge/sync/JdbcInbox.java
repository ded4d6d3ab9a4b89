package com.tmallbridge.sync;

import com.tmallbridge.core.ShopId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Inbox} on table {@code sync_inbox}. An offer first tries to insert (one statement for a
 * new record) and otherwise updates only an older row, or a row with the same {@code modified} but
 * different content (compared by SHA-256 of the payload). Both statements are atomic on their
 * own, so two concurrent offers of one record cannot both win with the same or an older snapshot:
 * the loser's insert waits for the winner's commit and finds the row, and its conditional update
 * sees the winner's {@code modified}.
 */
final class JdbcInbox implements Inbox {
  private static final String INSERT = """
      INSERT INTO sync_inbox (source, shop_id, external_id, modified, payload, payload_hash, received_at)
      VALUES (:source, :shop, :externalId, :modified, :payload, :hash, :now)
      ON CONFLICT DO NOTHING""";
  private static final String UPDATE_IF_NEWER = """
      UPDATE sync_inbox SET modified = :modified, payload = :payload, payload_hash = :hash, received_at = :now
      WHERE source = :source AND shop_id = :shop AND external_id = :externalId
        AND (modified < :modified OR (modified = :modified AND payload_hash <> :hash))""";
  private static final String SELECT = """
      SELECT modified, payload, received_at FROM sync_inbox
      WHERE source = :source AND shop_id = :shop AND external_id = :externalId""";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcInbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
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
        "hash", sha256(payload),
        "now", Timestamps.toDb(clock.instant()));
    return jdbc.sql(INSERT).params(params).update() == 1
        || jdbc.sql(UPDATE_IF_NEWER).params(params).update() == 1;
  }

  private static String sha256(String payload) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
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
