package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code product_gift_rule} table. */
@Repository
class GiftRuleRepository {
  private static final String COLUMNS =
      "id, shop_id, trigger_kind, trigger_num_iid, trigger_sku_id, trigger_code, min_payment_fen, valid_from, valid_to,"
          + " gift_material, quantity, per_unit, active";
  private static final String INSERT =
      """
      insert into product_gift_rule (shop_id, trigger_kind, trigger_num_iid, trigger_sku_id, trigger_code, min_payment_fen,
                                     valid_from, valid_to, gift_material, quantity, per_unit, active, created_at)
      values (:shop, :kind, :numIid, :skuId, :code, :min, :from, :to, :gift, :qty, :perUnit, :active, :now)""";
  private static final String ACTIVE_OF_SHOP =
      "select " + COLUMNS + " from product_gift_rule where shop_id = ? and active = true order by id";
  private static final String ALL = "select " + COLUMNS + " from product_gift_rule order by shop_id, id";
  private static final String DELETE = "delete from product_gift_rule where id = ?";

  private final JdbcClient jdbc;

  GiftRuleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(GiftRule r, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT)
        .param("shop", r.shop().value()).param("kind", r.trigger().name()).param("numIid", r.triggerNumIid())
        .param("skuId", r.triggerSkuId()).param("code", r.triggerCode()).param("min", r.minPaymentFen())
        .param("from", utc(r.validFrom())).param("to", utc(r.validTo())).param("gift", r.gift().value())
        .param("qty", r.quantity()).param("perUnit", r.perUnit()).param("active", r.active()).param("now", utc(now))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  List<GiftRule> activeOf(ShopId shop) {
    return jdbc.sql(ACTIVE_OF_SHOP).params(shop.value()).query(GiftRuleRepository::row).list();
  }

  List<GiftRule> all() {
    return jdbc.sql(ALL).query(GiftRuleRepository::row).list();
  }

  boolean remove(long id) {
    return jdbc.sql(DELETE).params(id).update() > 0;
  }

  private static @Nullable OffsetDateTime utc(@Nullable Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static GiftRule row(ResultSet rs, int n) throws SQLException {
    return new GiftRule(
        rs.getLong("id"), new ShopId(rs.getLong("shop_id")), GiftRule.Trigger.valueOf(rs.getString("trigger_kind")),
        rs.getString("trigger_num_iid"), rs.getString("trigger_sku_id"), rs.getString("trigger_code"),
        rs.getLong("min_payment_fen"), instant(rs, "valid_from"), instant(rs, "valid_to"),
        new MaterialCode(rs.getString("gift_material")), rs.getInt("quantity"), rs.getBoolean("per_unit"), rs.getBoolean("active"));
  }
}
