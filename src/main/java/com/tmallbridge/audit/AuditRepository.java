package com.tmallbridge.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code audit_entry} and {@code audit_head}. */
@Repository
class AuditRepository {
  private static final String LOCK_HEAD = "select last_seq, last_hash from audit_head where id = 1 for update";
  private static final String HEAD = "select last_seq, last_hash from audit_head where id = 1";
  private static final String INSERT = """
      insert into audit_entry (seq, at, actor, source, action, target, outcome, before_text, after_text, prev_hash, hash)
      values (:seq, :at, :actor, :source, :action, :target, :outcome, :before, :after, :prevHash, :hash)""";
  private static final String MOVE_HEAD = "update audit_head set last_seq = :seq, last_hash = :hash where id = 1";
  private static final String COLUMNS = "seq, at, actor, source, action, target, outcome, before_text, after_text, prev_hash, hash";
  private static final String PAGE = "select " + COLUMNS + " from audit_entry where seq > :after and seq <= :upTo order by seq fetch first :n rows only";

  private final JdbcClient jdbc;

  AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The chain's head, locked until the transaction ends. */
  Head lockHead() {
    return jdbc.sql(LOCK_HEAD).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
  }

  Head head() {
    return jdbc.sql(HEAD).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
  }

  void append(AuditEntry e) {
    Map<String, Object> p = new HashMap<>();
    p.put("seq", e.seq());
    p.put("at", e.at().atOffset(ZoneOffset.UTC));
    p.put("actor", e.actor());
    p.put("source", e.source());
    p.put("action", e.action().name());
    p.put("target", e.target());
    p.put("outcome", e.outcome());
    p.put("before", e.before());
    p.put("after", e.after());
    p.put("prevHash", e.prevHash());
    p.put("hash", e.hash());
    jdbc.sql(INSERT).params(p).update();
    jdbc.sql(MOVE_HEAD).param("seq", e.seq()).param("hash", e.hash()).update();
  }

  /** Up to {@code n} entries numbered above {@code after} and at most {@code upTo}, in chain order. */
  List<AuditEntry> page(long after, long upTo, int n) {
    return jdbc.sql(PAGE).param("after", after).param("upTo", upTo).param("n", n).query(AuditRepository::entry).list();
  }

  /** Entries newest first, filtered by whichever arguments are not null. */
  List<AuditEntry> find(@Nullable AuditAction action, @Nullable String actor, @Nullable String targetPrefix, @Nullable Instant from,
      @Nullable Instant to, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where 1 = 1");
    Map<String, Object> p = new HashMap<>();
    if (action != null) {
      sql.append(" and action = :action");
      p.put("action", action.name());
    }
    if (actor != null) {
      sql.append(" and actor = :actor");
      p.put("actor", actor);
    }
    if (targetPrefix != null) {
      sql.append(" and target like :target escape '\\'");
      p.put("target", targetPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (from != null) {
      sql.append(" and at >= :from");
      p.put("from", from.atOffset(ZoneOffset.UTC));
    }
    if (to != null) {
      sql.append(" and at < :to");
      p.put("to", to.atOffset(ZoneOffset.UTC));
    }
    sql.append(" order by seq desc fetch first :limit rows only");
    p.put("limit", limit);
    return jdbc.sql(sql.toString()).params(p).query(AuditRepository::entry).list();
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
        rs.getString("source"), AuditAction.valueOf(rs.getString("action")), rs.getString("target"), rs.getString("outcome"),
        rs.getString("before_text"), rs.getString("after_text"), rs.getString("prev_hash"), rs.getString("hash"));
  }

  /** The newest entry's number and hash (0 and {@link EntryHash#GENESIS} for an empty log). */
  record Head(long lastSeq, String lastHash) {}
}
