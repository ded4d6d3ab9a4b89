package com.tmallbridge.console;

import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code console_user} and {@code console_user_shop}. */
@Repository
class UserRepository {
  private static final String COLUMNS = "id, username, role, all_shops, enabled, failed_logins, locked_until, created_at";

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long count() {
    return jdbc.sql("select count(*) from console_user").query(Long.class).single();
  }

  long insert(String username, String hash, Role role, ShopScope scope, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into console_user (username, password_hash, role, all_shops, enabled, failed_logins, created_at) "
            + "values (:u, :h, :r, :all, true, 0, :now)")
        .param("u", username).param("h", hash).param("r", role.name()).param("all", scope.all())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update(key, "id");
    long id = java.util.Objects.requireNonNull(key.getKey(), "no generated id").longValue();
    for (ShopId shop : scope.shops()) {
      jdbc.sql("insert into console_user_shop (user_id, shop_id) values (:u, :s)").param("u", id).param("s", shop.value()).update();
    }
    return id;
  }

  List<ConsoleUser> list() {
    Map<Long, Set<ShopId>> shops = shops();
    return jdbc.sql("select " + COLUMNS + " from console_user order by username")
        .query((rs, n) -> user(rs, shops)).list();
  }

  Optional<ConsoleUser> find(String username) {
    Map<Long, Set<ShopId>> shops = shops();
    return jdbc.sql("select " + COLUMNS + " from console_user where username = :u").param("u", username)
        .query((rs, n) -> user(rs, shops)).optional();
  }

  Optional<String> passwordHash(String username) {
    return jdbc.sql("select password_hash from console_user where username = :u").param("u", username).query(String.class).optional();
  }

  void setPassword(String username, String hash) {
    jdbc.sql("update console_user set password_hash = :h, failed_logins = 0, locked_until = null where username = :u")
        .param("h", hash).param("u", username).update();
  }

  void setEnabled(String username, boolean enabled) {
    jdbc.sql("update console_user set enabled = :e where username = :u").param("e", enabled).param("u", username).update();
  }

  /** Counts a failed login; returns the new count. */
  int countFailure(String username) {
    jdbc.sql("update console_user set failed_logins = failed_logins + 1 where username = :u").param("u", username).update();
    return jdbc.sql("select failed_logins from console_user where username = :u").param("u", username).query(Integer.class).single();
  }

  void lock(String username, Instant until) {
    jdbc.sql("update console_user set locked_until = :t, failed_logins = 0 where username = :u")
        .param("t", until.atOffset(ZoneOffset.UTC)).param("u", username).update();
  }

  void clearFailures(String username) {
    jdbc.sql("update console_user set failed_logins = 0, locked_until = null where username = :u").param("u", username).update();
  }

  private Map<Long, Set<ShopId>> shops() {
    return jdbc.sql("select user_id, shop_id from console_user_shop")
        .query((rs, n) -> Map.entry(rs.getLong(1), new ShopId(rs.getLong(2)))).list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(HashSet::new))));
  }

  private static ConsoleUser user(ResultSet rs, Map<Long, Set<ShopId>> shops) throws SQLException {
    long id = rs.getLong("id");
    boolean all = rs.getBoolean("all_shops");
    ShopScope scope = all ? ShopScope.everyShop() : ShopScope.only(shops.getOrDefault(id, Set.of()));
    return new ConsoleUser(id, rs.getString("username"), Role.valueOf(rs.getString("role")), scope, rs.getBoolean("enabled"),
        rs.getInt("failed_logins"), instant(rs.getObject("locked_until", OffsetDateTime.class)),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
