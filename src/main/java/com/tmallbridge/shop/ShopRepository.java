package com.tmallbridge.shop;

import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.secret.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code shop} table. The app secret and session key are sealed by the {@link FieldCipher} on write and opened on read. */
@Repository
class ShopRepository {
  static final String APP_SECRET = "shop.app_secret";
  static final String SESSION_KEY = "shop.session_key";
  private static final String COLUMNS =
      "id, code, name, gateway_url, app_key, app_secret, session_key, sign_method, first_pull_from,"
          + " status, status_detail, paused_until, created_at";
  private static final String INSERT =
      """
      insert into shop (code, name, channel, gateway_url, app_key, app_secret, session_key, sign_method,
                        first_pull_from, status, created_at, updated_at)
      values (:code, :name, 'tmall', :gateway, :appKey, :appSecret, :session, :signMethod, :since, 'ACTIVE', :now, :now)
      """;
  private static final String UPDATE =
      """
      update shop set name = :name, gateway_url = :gateway, app_key = :appKey, app_secret = :appSecret,
             session_key = :session, sign_method = :signMethod, status = 'ACTIVE', status_detail = null,
             paused_until = null, updated_at = :now
       where code = :code
      """;
  private static final String SET_STATUS =
      "update shop set status = :status, status_detail = :detail, paused_until = :until, updated_at = :now where id = :id";

  private final JdbcClient jdbc;
  private final FieldCipher cipher;

  ShopRepository(JdbcClient jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  Optional<Shop> findByCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from shop where code = ?").param(code).query(this::map).optional();
  }

  Optional<Shop> findById(ShopId id) {
    return jdbc.sql("select " + COLUMNS + " from shop where id = ?").param(id.value()).query(this::map).optional();
  }

  List<Shop> findAll() {
    return jdbc.sql("select " + COLUMNS + " from shop order by id").query(this::map).list();
  }

  void insert(ShopRegistration r, Instant since, Instant now) {
    bind(jdbc.sql(INSERT), r, now).param("since", utc(since)).update();
  }

  void update(ShopRegistration r, Instant now) {
    bind(jdbc.sql(UPDATE), r, now).update();
  }

  void setStatus(ShopId id, ShopStatus status, @Nullable String detail, @Nullable Instant until, Instant now) {
    jdbc.sql(SET_STATUS)
        .param("status", status.name())
        .param("detail", detail)
        .param("until", until == null ? null : utc(until))
        .param("now", utc(now))
        .param("id", id.value())
        .update();
  }

  private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ShopRegistration r, Instant now) {
    return spec.param("code", r.code())
        .param("name", r.name())
        .param("gateway", r.gatewayUrl())
        .param("appKey", r.appKey())
        .param("appSecret", cipher.seal(r.appSecret(), APP_SECRET))
        .param("session", cipher.seal(r.sessionKey(), SESSION_KEY))
        .param("signMethod", r.signMethod())
        .param("now", utc(now));
  }

  private Shop map(ResultSet rs, int row) throws SQLException {
    ShopId id = new ShopId(rs.getLong("id"));
    ShopCredentials credentials =
        new ShopCredentials(
            id,
            rs.getString("gateway_url"),
            rs.getString("app_key"),
            cipher.open(rs.getString("app_secret"), APP_SECRET),
            cipher.open(rs.getString("session_key"), SESSION_KEY),
            rs.getString("sign_method"));
    OffsetDateTime paused = rs.getObject("paused_until", OffsetDateTime.class);
    return new Shop(
        id,
        rs.getString("code"),
        rs.getString("name"),
        credentials,
        rs.getObject("first_pull_from", OffsetDateTime.class).toInstant(),
        ShopStatus.valueOf(rs.getString("status")),
        rs.getString("status_detail"),
        paused == null ? null : paused.toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
