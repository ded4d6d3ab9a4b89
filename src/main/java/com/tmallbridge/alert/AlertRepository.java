package com.tmallbridge.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code alert}: open alerts have an {@code open_key}, resolved ones a {@code resolved_at}. Calls join the caller's transaction. */
final class AlertRepository {
  private static final String COLUMNS = "id, kind, subject, shop_id, message, raised_at, last_sent_at, sent_count";
  private static final String OPEN = "select " + COLUMNS + " from alert where open_key is not null order by raised_at, id";
  private static final String INSERT = """
      insert into alert (kind, subject, shop_id, open_key, message, raised_at, last_sent_at, sent_count, updated_at)
      values (:kind, :subject, :shop, :key, :message, :now, :now, 1, :now)""";
  private static final String UPDATE_MESSAGE = "update alert set message = :message, updated_at = :now where id = :id and open_key is not null";
  private static final String SENT = """
      update alert set message = :message, last_sent_at = :now, sent_count = sent_count + 1, updated_at = :now
      where id = :id and open_key is not null and last_sent_at = :lastSent""";
  private static final String RESOLVE = """
      update alert set open_key = null, resolved_at = :now, updated_at = :now where id = :id and open_key is not null""";

  private final JdbcClient jdbc;

  AlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<OpenAlert> open() {
    return jdbc.sql(OPEN).query(AlertRepository::row).list();
  }

  /** Inserts the open alert of {@code finding}; false when another process raised it first (same open key). */
  boolean raise(Finding finding, Instant now) {
    try {
      jdbc.sql(INSERT).param("kind", finding.kind().name()).param("subject", finding.subject())
          .param("shop", finding.shop() == null ? null : finding.shop().value()).param("key", finding.key())
          .param("message", cut(finding.text())).param("now", ts(now)).update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  void updateMessage(long id, String message, Instant now) {
    jdbc.sql(UPDATE_MESSAGE).param("id", id).param("message", cut(message)).param("now", ts(now)).update();
  }

  /** Records a repeat; false when another process repeated or resolved it since {@code lastSent} was read. */
  boolean repeated(OpenAlert alert, String message, Instant now) {
    return jdbc.sql(SENT).param("id", alert.id()).param("message", cut(message)).param("now", ts(now))
        .param("lastSent", ts(alert.lastSentAt())).update() == 1;
  }

  /** Closes it; false when it was closed already. */
  boolean resolve(long id, Instant now) {
    return jdbc.sql(RESOLVE).param("id", id).param("now", ts(now)).update() == 1;
  }

  private static OpenAlert row(ResultSet rs, int n) throws SQLException {
    long shop = rs.getLong("shop_id");
    Long shopId = rs.wasNull() ? null : shop;
    return new OpenAlert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")), rs.getString("subject"), shopId,
        rs.getString("message"), rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getObject("last_sent_at", OffsetDateTime.class).toInstant(), rs.getInt("sent_count"));
  }

  private static OffsetDateTime ts(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static String cut(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
  }
}
