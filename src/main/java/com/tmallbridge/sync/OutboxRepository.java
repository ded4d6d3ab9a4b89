package com.tmallbridge.sync;

import com.tmallbridge.secret.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher's statements on {@code sync_outbox}. Every write matches the row {@code version}
 * read or claimed before and increments it, so of two writers racing for one row exactly one wins
 * (portable optimistic locking); on PostgreSQL the claim query also skips rows another dispatcher
 * has locked. Rows are addressed by their primary key {@code seq}. The hot statements use
 * positional parameters (no named-parameter parsing per call). Methods join the caller's
 * transaction.
 */
final class OutboxRepository {
  private static final String COLUMNS = """
      o.seq, o.id, o.aggregate_type, o.aggregate_id, o.message_type, o.payload, o.idempotency_key,
      o.attempts, o.created_at, o.next_attempt_at, o.claimed_by, o.version""";
  /**
   * Due messages of one status (written in as a literal, see {@link #dueQuery}), oldest due first,
   * none with an older unfinished message of its aggregate. {@code OFFSET 0} keeps PostgreSQL from
   * turning the {@code NOT EXISTS} into an anti-join: as a join the planner may scan every unfinished
   * message once per candidate (quadratic in the backlog); as a sub-plan it probes the candidate's
   * own aggregate in {@code ix_sync_outbox_aggregate}, a few index entries.
   */
  private static final String DUE = "SELECT " + COLUMNS + """
       FROM sync_outbox o
      WHERE o.status = '%s' AND o.next_attempt_at <= ?
        AND NOT EXISTS (SELECT 1 FROM sync_outbox p
                         WHERE p.aggregate_type = o.aggregate_type AND p.aggregate_id = o.aggregate_id
                           AND p.seq < o.seq AND p.status IN ('PENDING', 'FAILED', 'IN_FLIGHT')
                         OFFSET 0)
      ORDER BY o.status, o.next_attempt_at, o.seq
      LIMIT ?""";
  private static final String CLAIM = """
      UPDATE sync_outbox SET status = 'IN_FLIGHT', claimed_by = ?, claimed_at = ?, version = version + 1
      WHERE seq = ? AND version = ?""";
  private static final String RELEASE = """
      UPDATE sync_outbox SET status = CASE WHEN attempts > 0 THEN 'FAILED' ELSE 'PENDING' END,
                             claimed_by = NULL, claimed_at = NULL, version = version + 1
      WHERE seq = ? AND version = ?""";
  private static final String COMPLETE = """
      UPDATE sync_outbox SET status = 'DONE', completed_at = ?, next_attempt_at = NULL, version = version + 1
      WHERE seq = ? AND version = ?""";
  private static final String FAIL = """
      UPDATE sync_outbox SET status = 'FAILED', attempts = ?, last_error_code = ?, last_error = ?,
                             next_attempt_at = ?, version = version + 1
      WHERE seq = ? AND version = ?""";
  private static final String BLOCK = """
      UPDATE sync_outbox SET status = 'BLOCKED', attempts = ?, last_error_code = ?, last_error = ?,
                             next_attempt_at = NULL, version = version + 1
      WHERE seq = ? AND version = ?""";
  private static final String IN_FLIGHT = "SELECT " + COLUMNS + """
       FROM sync_outbox o
      WHERE o.status = 'IN_FLIGHT' AND o.claimed_at <= ? AND o.claimed_by <> ?
      ORDER BY o.seq
      LIMIT ?""";
  private static final String UNFINISHED = "SELECT 1 FROM sync_outbox WHERE status IN ('PENDING', 'FAILED', 'IN_FLIGHT') LIMIT 1";
  private static final Comparator<ClaimedMessage> DUE_ORDER =
      Comparator.comparing((ClaimedMessage m) -> m.nextAttemptAt(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(ClaimedMessage::seq);

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final SqlDialect dialect;
  private final FieldCipher cipher;
  private final Map<OutboxStatus, String> dueQueries = new EnumMap<>(OutboxStatus.class);
  private final Map<OutboxStatus, String> urgentDueQueries = new EnumMap<>(OutboxStatus.class);

  /** @param cipher opens the payloads {@link JdbcOutbox} sealed (and returns those stored in clear as they are) */
  OutboxRepository(JdbcTemplate jdbcTemplate, SqlDialect dialect, FieldCipher cipher) {
    this.cipher = cipher;
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.batch = jdbcTemplate;
    this.dialect = dialect;
    for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.FAILED)) {
      dueQueries.put(status, dueQuery(status, false, dialect));
      urgentDueQueries.put(status, dueQuery(status, true, dialect));
    }
  }

  /**
   * The due query of one status. The status is part of the text, not a parameter: PostgreSQL can
   * use an index whose {@code WHERE} names statuses (V18's partial indexes of unfinished messages)
   * only when it sees the value while planning, and a prepared statement's generic plan does not.
   */
  static String dueQuery(OutboxStatus status, boolean urgentOnly, SqlDialect dialect) {
    String query = DUE.formatted(status.name());
    if (urgentOnly) {
      query = query.replace("WHERE o.status =", "WHERE o.urgent = TRUE AND o.status =");
    }
    return query + dialect.claimLockClause();
  }

  SqlDialect dialect() {
    return dialect;
  }

  /**
   * Up to {@code limit} due messages, oldest due first; retries (FAILED) and first tries (PENDING)
   * merged; only urgent ones when {@code urgentOnly}.
   */
  List<ClaimedMessage> due(Instant now, int limit, boolean urgentOnly) {
    Map<OutboxStatus, String> queries = urgentOnly ? urgentDueQueries : dueQueries;
    List<ClaimedMessage> due = new ArrayList<>(due(queries.get(OutboxStatus.FAILED), now, limit));
    if (due.isEmpty()) {
      return due(queries.get(OutboxStatus.PENDING), now, limit);
    }
    due.addAll(due(queries.get(OutboxStatus.PENDING), now, limit));
    due.sort(DUE_ORDER);
    return due.size() > limit ? due.subList(0, limit) : due;
  }

  private List<ClaimedMessage> due(String query, Instant now, int limit) {
    return jdbc.sql(query).params(Timestamps.toDb(now), limit).query(this::row).list();
  }

  /** Marks the candidates IN_FLIGHT for {@code owner}; returns those whose version still matched. */
  List<ClaimedMessage> claim(List<ClaimedMessage> candidates, String owner, Instant now) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    OffsetDateTime claimedAt = Timestamps.toDb(now);
    int[] counts = batch.batchUpdate(CLAIM, candidates.stream().map(c -> new Object[] {owner, claimedAt, c.seq(), c.version()}).toList());
    List<ClaimedMessage> claimed = new ArrayList<>(candidates.size());
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1) {
        claimed.add(candidates.get(i).claimedBy(owner));
      }
    }
    return claimed;
  }

  /**
   * Gives claimed messages back undelivered: PENDING again, or FAILED when they had failed before,
   * due as they were. Returns how many were still claimed.
   */
  int release(List<ClaimedMessage> claimed) {
    List<Object[]> args = claimed.stream().map(c -> new Object[] {c.seq(), c.version()}).toList();
    return Arrays.stream(batch.batchUpdate(RELEASE, args)).filter(n -> n == 1).sum();
  }

  /** Marks a claimed message DONE; false when the claim was lost (another writer changed the row). */
  boolean complete(ClaimedMessage claimed, Instant now) {
    return batch.update(COMPLETE, Timestamps.toDb(now), claimed.seq(), claimed.version()) == 1;
  }

  /**
   * Marks claimed messages DONE with one JDBC batch; false when any claim was lost (the caller then
   * rolls its transaction back: some rows may have been updated).
   */
  boolean completeAll(List<ClaimedMessage> claimed, Instant now) {
    OffsetDateTime at = Timestamps.toDb(now);
    List<Object[]> args = new ArrayList<>(claimed.size());
    for (ClaimedMessage c : claimed) {
      args.add(new Object[] {at, c.seq(), c.version()});
    }
    for (int count : batch.batchUpdate(COMPLETE, args)) {
      if (count != 1) {
        return false;
      }
    }
    return true;
  }

  /** Marks a claimed message FAILED, due again at {@code next}; false when the claim was lost. */
  boolean fail(ClaimedMessage claimed, int attempts, Failure failure, Instant next) {
    return batch.update(FAIL, attempts, failure.code(), failure.message(), Timestamps.toDb(next), claimed.seq(), claimed.version()) == 1;
  }

  /** Marks a claimed message BLOCKED; false when the claim was lost. */
  boolean block(ClaimedMessage claimed, int attempts, Failure failure) {
    return batch.update(BLOCK, attempts, failure.code(), failure.message(), claimed.seq(), claimed.version()) == 1;
  }

  /**
   * IN_FLIGHT messages claimed at or before {@code before}, oldest first, leaving out those claimed
   * by {@code exceptOwner} (pass an empty string to leave out none: claims always name their owner).
   */
  List<ClaimedMessage> inFlight(Instant before, String exceptOwner, int limit) {
    return jdbc.sql(IN_FLIGHT).params(Timestamps.toDb(before), exceptOwner, limit).query(this::row).list();
  }

  boolean hasUnfinished() {
    return jdbc.sql(UNFINISHED).query(Integer.class).optional().isPresent();
  }

  private ClaimedMessage row(ResultSet rs, int n) throws SQLException {
    OutboxMessage message = new OutboxMessage(
        UUID.fromString(rs.getString("id")),
        rs.getString("aggregate_type"),
        rs.getString("aggregate_id"),
        rs.getString("message_type"),
        cipher.open(rs.getString("payload"), JdbcOutbox.PAYLOAD),
        rs.getString("idempotency_key"),
        rs.getInt("attempts"),
        Timestamps.read(rs, "created_at"));
    return new ClaimedMessage(
        message, rs.getLong("version"), rs.getLong("seq"), Timestamps.readNullable(rs, "next_attempt_at"), rs.getString("claimed_by"));
  }
}
