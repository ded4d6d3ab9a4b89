package com.tmallbridge.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code console_api_token}. Tokens are found by the SHA-256 of the secret, never by the secret. */
@Repository
class ApiTokenRepository {
  private static final String SELECT = """
      select t.id, u.username, t.label, t.created_at, t.expires_at, t.last_used_at, t.last_used_from, t.revoked_at
      from console_api_token t join console_user u on u.id = t.user_id""";

  private final JdbcClient jdbc;

  ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long userId, String label, String hash, Instant now, @Nullable Instant expiresAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into console_api_token (user_id, label, token_hash, created_at, expires_at) values (:u, :l, :h, :now, :exp)")
        .param("u", userId).param("l", label).param("h", hash).param("now", utc(now)).param("exp", utc(expiresAt))
        .update(key, "id");
    return Objects.requireNonNull(key.getKey(), "no generated id").longValue();
  }

  Optional<ApiToken> find(long id) {
    return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(ApiTokenRepository::token).optional();
  }

  Optional<ApiToken> findByHash(String hash) {
    return jdbc.sql(SELECT + " where t.token_hash = :h").param("h", hash).query(ApiTokenRepository::token).optional();
  }

  boolean labelTaken(long userId, String label) {
    return jdbc.sql("select count(*) from console_api_token where user_id = :u and label = :l").param("u", userId).param("l", label)
        .query(Long.class).single() > 0;
  }

  /** Tokens of one user (or of all when null), by user then creation. */
  List<ApiToken> list(@Nullable String username) {
    String where = username == null ? "" : " where u.username = :name";
    var spec = jdbc.sql(SELECT + where + " order by u.username, t.id");
    if (username != null) {
      spec = spec.param("name", username);
    }
    return spec.query(ApiTokenRepository::token).list();
  }

  void revoke(long id, Instant now) {
    jdbc.sql("update console_api_token set revoked_at = :now where id = :id and revoked_at is null").param("now", utc(now)).param("id", id)
        .update();
  }

  /** Records a use, unless one was recorded less than a minute before (a busy script does not write on every call). */
  void touch(long id, Instant now, String source) {
    jdbc.sql("update console_api_token set last_used_at = :now, last_used_from = :src "
            + "where id = :id and (last_used_at is null or last_used_at < :minuteAgo)")
        .param("now", utc(now)).param("src", source).param("id", id).param("minuteAgo", utc(now.minusSeconds(60))).update();
  }

  private static ApiToken token(ResultSet rs, int row) throws SQLException {
    return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("label"),
        Objects.requireNonNull(instant(rs, "created_at"), "created_at"),
        instant(rs, "expires_at"), instant(rs, "last_used_at"), rs.getString("last_used_from"), instant(rs, "revoked_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
