package com.tmallbridge.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link OutboxAdmin} on table {@code sync_outbox}. A retry keeps the last error for the record,
 * resets the attempt count and bumps the row version, so a dispatcher still holding an old claim
 * cannot overwrite it.
 */
final class JdbcOutboxAdmin implements OutboxAdmin {
  private static final String COLUMNS = """
      id, aggregate_type, aggregate_id, message_type, status, attempts, next_attempt_at,
      last_error_code, last_error, created_at, completed_at""";
  private static final String LIST = "SELECT " + COLUMNS + " FROM sync_outbox WHERE status = :status ORDER BY seq LIMIT :limit";
  private static final String FIND = "SELECT " + COLUMNS + " FROM sync_outbox WHERE id = :id";
  private static final String FOR_AGGREGATE = "SELECT " + COLUMNS
      + " FROM sync_outbox WHERE aggregate_type = :type AND aggregate_id = :id ORDER BY seq DESC";
  /** Uses the status index: only undelivered rows are looked at, never the delivered history. */
  private static final String ANY_UNDELIVERED = """
      SELECT 1 FROM sync_outbox WHERE status IN ('PENDING', 'IN_FLIGHT', 'FAILED') AND aggregate_type = :type LIMIT 1""";
  private static final String COUNTS = "SELECT status, COUNT(*) AS n FROM sync_outbox GROUP BY status";
  private static final String RETRY = """
      UPDATE sync_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, version = version + 1
      WHERE id = :id AND status IN ('BLOCKED', 'FAILED')""";
  private static final String RETRY_ALL_BLOCKED = """
      UPDATE sync_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, version = version + 1
      WHERE status = 'BLOCKED'""";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcOutboxAdmin(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public List<OutboxEntry> list(OutboxStatus status, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.sql(LIST).param("status", status.name()).param("limit", limit).query(JdbcOutboxAdmin::entry).list();
  }

  @Override
  public Optional<OutboxEntry> find(UUID id) {
    return jdbc.sql(FIND).param("id", id.toString()).query(JdbcOutboxAdmin::entry).optional();
  }

  @Override
  public Map<OutboxStatus, Long> counts() {
    Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
    jdbc.sql(COUNTS).query(rs -> {
      counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n"));
    });
    return counts;
  }

  @Override
  public boolean anyUndelivered(String aggregateType) {
    return jdbc.sql(ANY_UNDELIVERED).param("type", aggregateType).query(Integer.class).optional().isPresent();
  }

  @Override
  public boolean retry(UUID id) {
    return jdbc.sql(RETRY).param("id", id.toString()).param("now", Timestamps.toDb(clock.instant())).update() == 1;
  }

  @Override
  public int retryAllBlocked() {
    return jdbc.sql(RETRY_ALL_BLOCKED).param("now", Timestamps.toDb(clock.instant())).update();
  }

  @Override
  public List<OutboxEntry> forAggregate(String aggregateType, String aggregateId) {
    return jdbc.sql(FOR_AGGREGATE).param("type", aggregateType).param("id", aggregateId).query(JdbcOutboxAdmin::entry).list();
  }

  private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
    return new OutboxEntry(
        UUID.fromString(rs.getString("id")),
        rs.getString("aggregate_type"),
        rs.getString("aggregate_id"),
        rs.getString("message_type"),
        OutboxStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        Timestamps.readNullable(rs, "next_attempt_at"),
        rs.getString("last_error_code"),
        rs.getString("last_error"),
        Timestamps.read(rs, "created_at"),
        Timestamps.readNullable(rs, "completed_at"));
  }
}
