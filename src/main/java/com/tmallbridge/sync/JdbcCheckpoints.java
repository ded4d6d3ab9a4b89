package com.tmallbridge.sync;

import com.tmallbridge.core.ShopId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Checkpoints} on table {@code sync_checkpoint}. Writes are update-then-insert (portable;
 * H2 has no {@code ON CONFLICT DO UPDATE}); when the insert loses a race with a concurrent first
 * write the update is tried once more, so no write is lost. Calls join the caller's transaction.
 */
final class JdbcCheckpoints implements Checkpoints {
  private static final String SELECT = """
      SELECT mark FROM sync_checkpoint WHERE source = :source AND stream = :stream AND shop_id = :shop""";
  private static final String ADVANCE = """
      UPDATE sync_checkpoint SET mark = :mark, updated_at = :now
      WHERE source = :source AND stream = :stream AND shop_id = :shop AND mark < :mark""";
  private static final String RESET = """
      UPDATE sync_checkpoint SET mark = :mark, updated_at = :now
      WHERE source = :source AND stream = :stream AND shop_id = :shop""";
  private static final String INSERT = """
      INSERT INTO sync_checkpoint (source, stream, shop_id, mark, updated_at)
      VALUES (:source, :stream, :shop, :mark, :now)
      ON CONFLICT DO NOTHING""";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcCheckpoints(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Instant> get(String source, String stream, ShopId shop) {
    return jdbc.sql(SELECT)
        .param("source", source)
        .param("stream", stream)
        .param("shop", shop.value())
        .query((rs, n) -> Timestamps.read(rs, "mark"))
        .optional();
  }

  @Override
  public void advance(String source, String stream, ShopId shop, Instant mark) {
    write(ADVANCE, source, stream, shop, mark);
  }

  @Override
  public java.util.List<Mark> all() {
    return jdbc.sql("SELECT source, stream, shop_id, mark, updated_at FROM sync_checkpoint ORDER BY shop_id, source, stream")
        .query((rs, n) -> new Mark(rs.getString("source"), rs.getString("stream"), new ShopId(rs.getLong("shop_id")),
            Timestamps.read(rs, "mark"), Timestamps.read(rs, "updated_at")))
        .list();
  }

  @Override
  public void reset(String source, String stream, ShopId shop, Instant mark) {
    write(RESET, source, stream, shop, mark);
  }

  private void write(String update, String source, String stream, ShopId shop, Instant mark) {
    Map<String, Object> params = Map.of(
        "source", Texts.require("source", source, 32),
        "stream", Texts.require("stream", stream, 64),
        "shop", shop.value(),
        "mark", Timestamps.toDb(mark),
        "now", Timestamps.toDb(clock.instant()));
    if (jdbc.sql(update).params(params).update() == 0 && jdbc.sql(INSERT).params(params).update() == 0) {
      jdbc.sql(update).params(params).update();
    }
  }
}
